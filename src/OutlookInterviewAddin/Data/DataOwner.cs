using OutlookInterviewAddin.Auth;

namespace OutlookInterviewAddin.Data;

/// <summary>Whose rows the current <see cref="AppDbContext"/> sees and writes.</summary>
/// <remarks>
/// Outside a signed-in request (start-up migration, design-time tools) the owner is
/// <see cref="Nobody"/>: queries then match no row and inserts are refused.
/// </remarks>
public sealed record DataOwner(Guid TenantId, Guid ObjectId)
{
    public static DataOwner Nobody { get; } = new(Guid.Empty, Guid.Empty);

    public bool IsNobody => TenantId == Guid.Empty || ObjectId == Guid.Empty;

    /// <summary>
    /// Only for copying a whole database (<see cref="DataCopyCommand"/>): rows keep the owners they
    /// already carry. Never reachable from a request.
    /// </summary>
    internal static DataOwner KeepingRowOwners { get; } = new(Guid.Empty, Guid.Empty) { KeepsRowOwners = true };

    internal bool KeepsRowOwners { get; private init; }

    public static DataOwner From(CurrentUser? user) => user is null ? Nobody : new(user.TenantId, user.ObjectId);
}
