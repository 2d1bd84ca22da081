namespace OutlookInterviewAddin.Hosting;

/// <summary>Where the host keeps its files (the database, a generated HTTPS certificate).</summary>
public sealed class DataFolderOptions
{
    public const string Section = "Storage";

    /// <summary>Defaults to the per-user application data folder: ~/.local/share/OutlookInterviewAddin on Linux and macOS, %LOCALAPPDATA%\OutlookInterviewAddin on Windows.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "OutlookInterviewAddin");

    public static string Resolve(IConfiguration configuration) =>
        configuration[$"{Section}:{nameof(DataDirectory)}"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : DefaultDataDirectory;
}
