using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Caching;

/// <summary>
/// A number per user that moves on every write of their data, so a cached answer keyed by it is
/// never served after the data it was made from changed. Writes without a user (the copy command,
/// maintenance) move every user's number at once.
/// </summary>
/// <remarks>
/// Users share a fixed set of counters (by a hash of their ids), so the memory is bounded however
/// many users a host sees: a write of one user can also retire the cached answers of the few who
/// share its counter, which costs them one recomputation and is never wrong. Answers stay keyed by
/// the user too, so one user's answer is never served to another.
/// </remarks>
public sealed class UserDataVersions
{
    private const int Counters = 4096;
    private readonly long[] versions = new long[Counters];
    private long everyone;

    /// <summary>The version <paramref name="owner"/>'s data is at; read it before reading the data.</summary>
    public DataVersion Of(DataOwner owner) =>
        new(Volatile.Read(ref everyone), Volatile.Read(ref versions[Slot(owner)]));

    /// <summary>Records that <paramref name="owner"/>'s data changed (everyone's, for a write without a user).</summary>
    public void Moved(DataOwner owner)
    {
        if (owner.IsNobody || owner.KeepsRowOwners) Interlocked.Increment(ref everyone);
        else Interlocked.Increment(ref versions[Slot(owner)]);
    }

    private static int Slot(DataOwner owner) => (int)((uint)HashCode.Combine(owner.TenantId, owner.ObjectId) % Counters);
}

/// <summary>Where one user's data stands: the version of writes without a user, and theirs.</summary>
public readonly record struct DataVersion(long Everyone, long User);
