using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Caching;

/// <summary>Which cached answer an endpoint gives, and so how long it may be kept.</summary>
public enum CachedAnswerKind
{
    NextActions,
    People,
}

/// <summary>Endpoint metadata: this GET's answer may be served from <see cref="AnswerCache"/>.</summary>
public sealed record CachedAnswer(CachedAnswerKind Kind);

/// <summary>
/// The serialized answers of read-mostly GETs (the people list, next actions), kept per user, per
/// path and query string, and per <see cref="UserDataVersions"/> version: a write of the user's
/// data moves the version, so an answer made before it is never served after it. Kept a short
/// time at most (next actions depend on the clock) and within a memory bound.
/// </summary>
public sealed class AnswerCache : IDisposable
{
    private readonly MemoryCache cache;
    private readonly AnswerCacheOptions options;
    private readonly TimeProvider clock;

    public AnswerCache(IOptions<AnswerCacheOptions> options, StorageOptions storage, TimeProvider clock, ILogger<AnswerCache> logger)
    {
        this.options = options.Value;
        this.clock = clock;
        IsEnabled = this.options.Enabled ?? !storage.IsPostgreSql;
        if (IsEnabled && storage.IsPostgreSql)
            logger.LogWarning("AnswerCache:Enabled is true with PostgreSQL: correct only while this is the one host of the database; other hosts' writes are not seen until an answer expires.");
        SizeLimit = Math.Max(1, this.options.SizeLimitKilobytes) * 1024L;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = SizeLimit, TrackStatistics = true });
    }

    public bool IsEnabled { get; }

    /// <summary>The memory bound, in bytes.</summary>
    public long SizeLimit { get; }

    /// <summary>The bytes the cached answers take now (approximately: each counts its body and a fixed overhead).</summary>
    public long CurrentSize => cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public long Count => cache.Count;

    // What an entry costs beside its body: the key, the entry, the headers kept.
    private const int EntryOverhead = 256;

    /// <param name="Language">The request's language (its sentences are in it): a French and an English pane of one user keep their own answers.</param>
    internal readonly record struct Key(Guid TenantId, Guid ObjectId, string Path, string Query, string Language, DataVersion Version);

    internal sealed record Entry(byte[] Body, string? ContentType, string ETag, DateTimeOffset MadeAt, DateTimeOffset ValidUntil);

    internal static Key KeyFor(HttpRequest request, CurrentUser user, DataVersion version) =>
        new(user.TenantId, user.ObjectId, request.Path.Value ?? "", request.QueryString.Value ?? "", CultureInfo.CurrentUICulture.Name, version);

    internal Entry? Find(Key key)
    {
        if (!cache.TryGetValue(key, out Entry? entry) || entry is null) return null;
        // The host's clock (a test's fake one too): an answer is never served before it was made or after its time.
        var now = clock.GetUtcNow();
        return now >= entry.MadeAt && now < entry.ValidUntil ? entry : null;
    }

    /// <summary>
    /// Said by an endpoint whose answer changes by itself at <paramref name="instant"/> (an action
    /// falls due): a cached copy is not served from then on.
    /// </summary>
    public static void ValidUntil(HttpContext context, DateTimeOffset instant)
    {
        if (context.Items.TryGetValue(ValidUntilItem, out var earlier) && earlier is DateTimeOffset e && e <= instant) return;
        context.Items[ValidUntilItem] = instant;
    }

    private static readonly object ValidUntilItem = new();

    internal Entry Keep(Key key, CachedAnswerKind kind, byte[] body, string? contentType, HttpContext context)
    {
        var lifetime = TimeSpan.FromSeconds(kind == CachedAnswerKind.NextActions
            ? Math.Clamp(options.NextActionsSeconds, 0, 30)
            : Math.Max(0, options.PeopleSeconds));
        var now = clock.GetUtcNow();
        if (context.Items.TryGetValue(ValidUntilItem, out var until) && until is DateTimeOffset instant && instant - now < lifetime)
            lifetime = instant - now;
        var entry = new Entry(body, contentType, ETagOf(body), now, now + lifetime);
        var size = body.Length + EntryOverhead;
        // An answer larger than the whole bound is not kept (MemoryCache would refuse it anyway).
        if (lifetime > TimeSpan.Zero && size <= SizeLimit)
        {
            cache.Set(key, entry, new MemoryCacheEntryOptions
            {
                Size = size,
                // The real clock's bound, so memory is given back even when no request asks again.
                AbsoluteExpirationRelativeToNow = lifetime,
            });
        }
        return entry;
    }

    /// <summary>A strong validator of the body: the same bytes give the same tag, on any host.</summary>
    internal static string ETagOf(byte[] body) =>
        "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 12).Replace('+', '-').Replace('/', '_') + "\"";

    public void Dispose() => cache.Dispose();
}
