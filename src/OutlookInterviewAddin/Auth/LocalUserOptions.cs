namespace OutlookInterviewAddin.Auth;

/// <summary>Who the local user is in local mode: the name and address shown in the pane and used in drafts.</summary>
public sealed class LocalUserOptions
{
    public const string Section = "LocalUser";

    public string DisplayName { get; set; } = "Local user";

    public string Email { get; set; } = "me@localhost";
}
