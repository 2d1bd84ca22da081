namespace OutlookInterviewAddin.Tests.Manifest;

/// <summary>Files of the repository the tests run from: the checked-in manifest and the host's web root.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string CheckedInManifest => Path.Combine(Root, "manifest", "manifest.xml");

    public static string WebRoot => Path.Combine(Root, "src", "OutlookInterviewAddin", "wwwroot");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OutlookInterviewAddin.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No OutlookInterviewAddin.sln above {AppContext.BaseDirectory}.");
    }
}
