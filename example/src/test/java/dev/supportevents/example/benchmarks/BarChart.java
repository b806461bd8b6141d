package dev.supportevents.example.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A horizontal bar chart as SVG, one bar per row, its length the row's value: on a logarithmic axis
 * when the values span more than {@value #LINEAR_SPAN} times, else on a linear one from 0. The axis
 * ends at the largest value; a whisker that would pass it stops there. The output depends on the
 * rows only, so the same results always draw the same file.
 */
final class BarChart {

  /** Above this ratio of the largest value to the smallest, the axis is logarithmic. */
  static final int LINEAR_SPAN = 20;

  private static final int WIDTH = 760;
  private static final int LABELS = 290;
  private static final int BARS = 360;
  private static final int ROW = 22;
  private static final int TOP = 46;

  /**
   * One bar.
   *
   * @param label what the bar measures
   * @param value its length, greater than 0
   * @param error the half-width of its confidence interval, drawn as a whisker, if known
   * @param text the value as the chart writes it beside the bar
   */
  record Bar(String label, double value, @Nullable Double error, String text) {}

  private BarChart() {}

  /** The chart of {@code bars}, titled {@code title}, the axis saying {@code unit}. */
  static String svg(String title, String unit, List<Bar> bars) {
    double min = bars.stream().mapToDouble(Bar::value).min().orElse(1);
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    Axis axis = max / min > LINEAR_SPAN ? Axis.logarithmic(min, max) : Axis.linear(max);
    int height = TOP + bars.size() * ROW + 34;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH,
            height,
            WIDTH,
            height));
    svg.append(
        String.format(
            Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, height));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            escape(title)));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"10\" y=\"36\" fill=\"#555555\">%s%s</text>%n",
            escape(unit),
            axis.logarithmic ? ", logarithmic axis" : ""));
    int bottom = TOP + bars.size() * ROW;
    for (double tick : axis.ticks()) {
      double x = LABELS + axis.position(tick) * BARS;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"" + " stroke=\"#dddddd\"/>%n",
              x,
              TOP - 4,
              x,
              bottom));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\"" + " fill=\"#555555\">%s</text>%n",
              x,
              bottom + 16,
              number(tick)));
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = TOP + i * ROW;
      double length = Math.max(1, axis.position(bar.value()) * BARS);
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
              LABELS - 8,
              y + 15,
              escape(bar.label())));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"" + " fill=\"#4e79a7\"/>%n",
              LABELS,
              y + 4,
              length,
              ROW - 8));
      double end = LABELS + length;
      if (bar.error() != null && bar.error() > 0) {
        double low =
            LABELS + axis.position(Math.max(axis.lowest, bar.value() - bar.error())) * BARS;
        double high =
            LABELS + axis.position(Math.min(axis.highest, bar.value() + bar.error())) * BARS;
        svg.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"" + " stroke=\"#222222\"/>%n",
                low,
                y + 11,
                high,
                y + 11));
        end = Math.max(end, high);
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
              end + 6,
              y + 15,
              escape(bar.text())));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** A value as the axis labels it: {@code 0.1}, {@code 10}, {@code 1,000}. */
  static String number(double value) {
    if (value >= 1 || value == 0) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%s", (float) value).replaceAll("0+$", "");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Where values fall on the bars' length, from 0 to 1. */
  private static final class Axis {
    final boolean logarithmic;
    final double lowest;
    final double highest;

    private Axis(boolean logarithmic, double lowest, double highest) {
      this.logarithmic = logarithmic;
      this.lowest = lowest;
      this.highest = highest;
    }

    /** From the power of ten at or below {@code min} to the one at or above {@code max}. */
    static Axis logarithmic(double min, double max) {
      return new Axis(
          true,
          Math.pow(10, Math.floor(Math.log10(min))),
          Math.pow(10, Math.ceil(Math.log10(max))));
    }

    /** From 0 to a round value at or above {@code max}. */
    static Axis linear(double max) {
      double step = step(max);
      return new Axis(false, 0, Math.ceil(max / step) * step);
    }

    double position(double value) {
      if (logarithmic) {
        return (Math.log10(value) - Math.log10(lowest))
            / (Math.log10(highest) - Math.log10(lowest));
      }
      return value / highest;
    }

    List<Double> ticks() {
      List<Double> ticks = new ArrayList<>();
      if (logarithmic) {
        for (double tick = lowest; tick <= highest * 1.0001; tick *= 10) {
          ticks.add(tick);
        }
      } else {
        double step = step(highest);
        for (double tick = 0; tick <= highest * 1.0001; tick += step) {
          ticks.add(tick);
        }
      }
      return ticks;
    }

    /** A round step that cuts {@code max} into 4 to 10 parts: 1, 2 or 5 times a power of ten. */
    private static double step(double max) {
      double power = Math.pow(10, Math.floor(Math.log10(max)));
      for (double factor : new double[] {0.1, 0.2, 0.5, 1, 2}) {
        if (max / (power * factor) <= 10) {
          return power * factor;
        }
      }
      return power * 5;
    }
  }
}
