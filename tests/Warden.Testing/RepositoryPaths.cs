namespace Warden.Testing;

/// <summary>Finds the repository from a test or benchmark binary, so fixtures use the real deploy/ files.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SqlDirectory => Path.Combine(Root, "deploy", "sql");

    public static string LocalDeployDirectory => Path.Combine(Root, "deploy", "local");

    /// <summary>
    /// The assembly a project under src/ built in the same configuration as the running tests
    /// (<c>dotnet test Silo.sln</c> builds them all), so tests can start it as a process.
    /// </summary>
    public static string BuiltAssembly(string project, string assemblyFile)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", assemblyFile);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first (dotnet test Silo.sln does).", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Silo.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Silo.sln above {AppContext.BaseDirectory}: run from the repository.");
    }
}
