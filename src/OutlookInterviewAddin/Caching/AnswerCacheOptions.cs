namespace OutlookInterviewAddin.Caching;

/// <summary>
/// The per-user answer cache (section <c>AnswerCache</c>, see docs/api.md). On by default with the
/// SQLite file (one host); off by default with PostgreSQL, where other hosts may write the same
/// user's data and this host would not see their writes.
/// </summary>
public sealed class AnswerCacheOptions
{
    public const string Section = "AnswerCache";

    /// <summary>
    /// True or false to decide; unset: on with SQLite, off with PostgreSQL. Turn it on with PostgreSQL
    /// only when exactly one host serves the database.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The most memory the cached answers take, in kilobytes (32 MB unless set); answers beyond it are recomputed.</summary>
    public int SizeLimitKilobytes { get; set; } = 32 * 1024;

    /// <summary>How long a next-actions answer is kept at most, in seconds (at most 30: actions fall due as time passes).</summary>
    public int NextActionsSeconds { get; set; } = 30;

    /// <summary>How long a people list is kept at most, in seconds (it changes only by writes, which retire it at once).</summary>
    public int PeopleSeconds { get; set; } = 300;
}
