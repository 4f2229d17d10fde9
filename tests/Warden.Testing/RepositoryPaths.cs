namespace Warden.Testing;

/// <summary>Finds the repository from a test or benchmark binary, so fixtures use the real deploy/ files.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SqlDirectory => Path.Combine(Root, "deploy", "sql");

    public static string LocalDeployDirectory => Path.Combine(Root, "deploy", "local");

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
