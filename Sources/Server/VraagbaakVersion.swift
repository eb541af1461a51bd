/// The one place the version lives: `--version`, `serverInfo` and the cache format read it.
public enum VraagbaakVersion {
    public static let name = "vraagbaak"
    public static let current = "0.1.0"
}
