using OutlookInterviewAddin.NextActions;

namespace OutlookInterviewAddin.Tests.NextActions;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Three_business_days_after_friday_afternoon_is_wednesday_at_the_same_local_time_across_toronto_spring_change()
    {
        // Clocks in Toronto go forward on Sunday 8 March 2026: EST (−5) to EDT (−4).
        var friday = new DateTimeOffset(2026, 3, 6, 16, 0, 0, TimeSpan.FromHours(-5));

        var due = BusinessCalendar.AddBusinessDays(friday, 3, Toronto);

        Assert.Equal(new DateTimeOffset(2026, 3, 11, 16, 0, 0, TimeSpan.FromHours(-4)), due);
        Assert.Equal(TimeSpan.FromHours(-4), due.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 20, 0, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void Three_business_days_after_friday_afternoon_is_wednesday_at_the_same_local_time_across_paris_spring_change()
    {
        // Clocks in Paris go forward on Sunday 29 March 2026: CET (+1) to CEST (+2).
        var friday = new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.FromHours(1));

        var due = BusinessCalendar.AddBusinessDays(friday, 3, Paris);

        Assert.Equal(new DateTime(2026, 4, 1, 16, 0, 0), due.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), due.Offset);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 14, 0, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void Business_days_across_toronto_autumn_change_keep_the_local_time_and_move_the_utc_instant()
    {
        // Clocks in Toronto go back on Sunday 1 November 2026: EDT (−4) to EST (−5).
        var friday = new DateTimeOffset(2026, 10, 30, 16, 0, 0, TimeSpan.FromHours(-4));

        var due = BusinessCalendar.AddBusinessDays(friday, 3, Toronto);

        Assert.Equal(new DateTime(2026, 11, 4, 16, 0, 0), due.DateTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 21, 0, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void Seven_business_days_across_paris_autumn_change_skip_two_weekends()
    {
        // Clocks in Paris go back on Sunday 25 October 2026: CEST (+2) to CET (+1).
        var friday = new DateTimeOffset(2026, 10, 23, 16, 0, 0, TimeSpan.FromHours(2));

        var due = BusinessCalendar.AddBusinessDays(friday, 7, Paris);

        Assert.Equal(new DateTime(2026, 11, 3, 16, 0, 0), due.DateTime);
        Assert.Equal(DayOfWeek.Tuesday, due.DayOfWeek);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 15, 0, 0, TimeSpan.Zero), due.ToUniversalTime());
    }

    [Fact]
    public void Business_days_are_counted_on_the_users_calendar_not_on_utc()
    {
        // Friday 22:00 in Toronto is already Saturday in UTC; counted in UTC it would land on a Sunday evening locally.
        var fridayEvening = new DateTimeOffset(2026, 2, 6, 22, 0, 0, TimeSpan.FromHours(-5));

        var due = BusinessCalendar.AddBusinessDays(fridayEvening, 1, Toronto);

        Assert.Equal(new DateTime(2026, 2, 9, 22, 0, 0), due.DateTime);
        Assert.Equal(DayOfWeek.Monday, due.DayOfWeek);
    }

    [Theory]
    [InlineData(7, 1, 9)]   // Saturday + 1 → Monday
    [InlineData(8, 1, 9)]   // Sunday + 1 → Monday
    [InlineData(4, 2, 6)]   // Wednesday + 2 → Friday
    [InlineData(5, 5, 12)]  // Thursday + 5 → next Thursday
    [InlineData(4, 0, 4)]   // no days → the same moment
    public void Weekends_are_skipped(int startDay, int days, int expectedDay)
    {
        var start = new DateTimeOffset(2026, 2, startDay, 10, 0, 0, TimeSpan.FromHours(-5));

        var due = BusinessCalendar.AddBusinessDays(start, days, Toronto);

        Assert.Equal(new DateTime(2026, 2, expectedDay, 10, 0, 0), due.DateTime);
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_change_moves_forward_by_the_gap()
    {
        var instant = BusinessCalendar.ToInstant(new DateTime(2026, 3, 8, 2, 30, 0), Toronto);

        Assert.Equal(new DateTime(2026, 3, 8, 3, 30, 0), instant.DateTime);
        Assert.Equal(TimeSpan.FromHours(-4), instant.Offset);
    }

    [Fact]
    public void A_local_time_repeated_by_the_autumn_change_is_its_first_occurrence()
    {
        var instant = BusinessCalendar.ToInstant(new DateTime(2026, 11, 1, 1, 30, 0), Toronto);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void Four_months_later_keeps_the_local_time_across_a_daylight_saving_change()
    {
        var thanked = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(1));

        var next = BusinessCalendar.AddMonths(thanked, 4, Paris);

        Assert.Equal(new DateTime(2026, 5, 15, 9, 0, 0), next.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), next.Offset);
    }

    [Fact]
    public void Negative_business_days_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AddBusinessDays(DateTimeOffset.UnixEpoch, -1, Toronto));
    }
}
