using OutlookInterviewAddin.NextActions;

namespace OutlookInterviewAddin.Tests.NextActions;

public sealed class UserTimeZoneTests
{
    [Theory]
    [InlineData("America/Toronto", -5)]
    [InlineData("Eastern Standard Time", -5)]
    [InlineData("Europe/Paris", 1)]
    [InlineData("Romance Standard Time", 1)]
    [InlineData(" Europe/Paris ", 1)]
    public void Iana_and_windows_ids_resolve_to_the_same_rules(string id, int januaryOffsetHours)
    {
        Assert.True(UserTimeZone.TryResolve(id, out var zone));
        Assert.Equal(TimeSpan.FromHours(januaryOffsetHours), zone.GetUtcOffset(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(januaryOffsetHours + 1), zone.GetUtcOffset(new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    public void Missing_or_unknown_ids_do_not_resolve(string? id)
    {
        Assert.False(UserTimeZone.TryResolve(id, out _));
        Assert.Equal(TimeZoneInfo.Utc, UserTimeZone.ResolveOrUtc(id));
    }
}
