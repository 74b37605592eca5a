namespace IopTelehealth.Testing;

/// <summary>Finds files of the repository (infra/janus, infra/coturn) from the test binaries' folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IopTelehealth.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"IopTelehealth.sln not found above {AppContext.BaseDirectory}.");
    }
}
