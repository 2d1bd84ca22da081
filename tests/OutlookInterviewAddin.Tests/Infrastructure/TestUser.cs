namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>A user of the API, as a token names them.</summary>
public sealed record TestUser(Guid TenantId, Guid ObjectId, string DisplayName, string Email)
{
    public static TestUser Alice { get; } = new(new("11111111-1111-4111-8111-111111111111"), new("aaaaaaaa-0000-4000-8000-000000000001"), "Alice Martin", "alice@contoso.example");

    /// <summary>Bob is in another tenant, so tenant id and object id both differ from Alice's.</summary>
    public static TestUser Bob { get; } = new(new("22222222-2222-4222-8222-222222222222"), new("bbbbbbbb-0000-4000-8000-000000000002"), "Bob Tremblay", "bob@fabrikam.example");
}
