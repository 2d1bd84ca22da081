namespace OutlookInterviewAddin.Auth;

/// <summary>The claim names of Entra v2 access tokens (inbound claim mapping is off, so these are the raw names).</summary>
public static class ClaimNames
{
    public const string TenantId = "tid";
    public const string ObjectId = "oid";
    public const string Name = "name";
    public const string PreferredUsername = "preferred_username";
    public const string Scope = "scp";
}

public static class Scopes
{
    /// <summary>The delegated scope the add-in's app registration exposes and the API requires.</summary>
    public const string AccessAsUser = "access_as_user";
}
