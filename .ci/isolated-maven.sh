# Sourced by the scripts of .ci that build with a local repository of their own, so that nothing
# of this project (not even deployment metadata) reaches the shared ~/.m2.
#
# isolated_settings FILE [URL]: writes a settings.xml whose active profile reads ~/.m2 as a
# read-only remote for third-party artifacts already downloaded (Maven Central stays the
# fallback), and URL, if given, as a repository of snapshots and releases.
isolated_settings() {
  local file=$1 url=${2:-}
  local extra=""
  if [ -n "$url" ]; then
    extra="<repository><id>throwaway</id><url>$url</url>
          <snapshots><enabled>true</enabled></snapshots></repository>"
  fi
  local downloaded="<id>downloaded</id><url>file://$HOME/.m2/repository</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>"
  cat > "$file" <<XML
<settings>
  <profiles>
    <profile>
      <id>isolated</id>
      <repositories>
        $extra
        <repository>$downloaded</repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>$downloaded</pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>isolated</activeProfile>
  </activeProfiles>
</settings>
XML
}

# copy_sources DIR: the tracked files of the project, as they are in the work tree, into DIR.
copy_sources() {
  mkdir -p "$1"
  git ls-files -z | xargs -0 cp --parents -t "$1"
}
