using Microsoft.Extensions.Time.Testing;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;

namespace OutlookInterviewAddin.Tests.NextActions;

public sealed class NextActionsCalculatorTests
{
    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Friday 6 March 2026, 16:00 in Toronto (EST); clocks go forward on Sunday 8 March.
    private static readonly DateTimeOffset FridayBeforeSpringChange = new(2026, 3, 6, 16, 0, 0, TimeSpan.FromHours(-5));

    private static IReadOnlyList<NextAction> Calculate(DateTimeOffset now, TimeZoneInfo zone, params PersonState[] people) =>
        new NextActionsCalculator(new FakeTimeProvider(now)).Calculate(people, zone);

    private static PersonState Person(string name, string? organisation, params InterviewState[] interviews) =>
        new(Guid.NewGuid(), name, organisation, null, interviews);

    private static InterviewState Contacted(DateTimeOffset at) =>
        new(Guid.NewGuid(), InterviewStage.Contacted, at, ContactedAt: at);

    [Fact]
    public void No_reply_after_three_business_days_suggests_a_second_person_at_the_same_organisation()
    {
        var priya = Person("Priya Shah", "Metrolinx", Contacted(FridayBeforeSpringChange));
        var lee = Person("Lee Chan", "Metrolinx", new InterviewState(Guid.NewGuid(), InterviewStage.Prospect, FridayBeforeSpringChange));
        var wednesdayAt16Local = new DateTimeOffset(2026, 3, 11, 16, 0, 0, TimeSpan.FromHours(-4));

        var before = Calculate(wednesdayAt16Local.AddMinutes(-1), Toronto, priya, lee);
        var after = Calculate(wednesdayAt16Local, Toronto, priya, lee);

        Assert.DoesNotContain(before, a => a.Kind == NextActionKind.SecondContact);
        var second = Assert.Single(after, a => a.Kind == NextActionKind.SecondContact);
        Assert.Equal(priya.Id, second.PersonId);
        Assert.Equal(wednesdayAt16Local.ToUniversalTime(), second.DueAtUtc);
        Assert.Equal(new DateTime(2026, 3, 11, 16, 0, 0), second.DueAtLocal!.Value.DateTime);
        Assert.Equal(TimeSpan.FromHours(-4), second.DueAtLocal!.Value.Offset);
        Assert.Contains("Metrolinx", second.Reason, StringComparison.Ordinal);
        Assert.Contains("Lee Chan", second.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_second_person_is_suggested_once_someone_else_at_that_organisation_was_contacted()
    {
        var priya = Person("Priya Shah", "Metrolinx", Contacted(FridayBeforeSpringChange));
        var lee = Person("Lee Chan", " metrolinx ", Contacted(FridayBeforeSpringChange.AddDays(4)));

        var actions = Calculate(FridayBeforeSpringChange.AddDays(6), Toronto, priya, lee);

        Assert.DoesNotContain(actions, a => a.Kind == NextActionKind.SecondContact);
    }

    [Fact]
    public void No_second_person_is_suggested_when_the_organisation_is_unknown()
    {
        var actions = Calculate(FridayBeforeSpringChange.AddDays(6), Toronto, Person("Priya Shah", null, Contacted(FridayBeforeSpringChange)));

        Assert.Empty(actions);
    }

    [Fact]
    public void No_reply_after_seven_business_days_suggests_the_one_follow_up_across_a_weekend_and_the_paris_spring_change()
    {
        // Thursday 26 March 2026 10:00 CET; seven business days later is Tuesday 7 April 10:00 CEST.
        var contacted = new DateTimeOffset(2026, 3, 26, 10, 0, 0, TimeSpan.FromHours(1));
        var priya = Person("Priya Shah", null, Contacted(contacted));
        var due = new DateTimeOffset(2026, 4, 6, 10, 0, 0, TimeSpan.FromHours(2));

        Assert.Empty(Calculate(due.AddTicks(-1), Paris, priya));
        var followUp = Assert.Single(Calculate(due, Paris, priya));

        Assert.Equal(NextActionKind.FollowUp, followUp.Kind);
        Assert.Equal(new DateTimeOffset(2026, 4, 6, 8, 0, 0, TimeSpan.Zero), followUp.DueAtUtc);
        Assert.False(followUp.Overdue);
        Assert.Contains("Thursday 26 March", followUp.Reason, StringComparison.Ordinal);
        Assert.True(Assert.Single(Calculate(due.AddMinutes(1), Paris, priya)).Overdue);
    }

    [Fact]
    public void No_reply_actions_across_the_toronto_autumn_change_keep_the_local_time_of_the_contact()
    {
        // Thursday 29 October 2026 10:00 EDT; clocks go back on Sunday 1 November.
        var contacted = new DateTimeOffset(2026, 10, 29, 10, 0, 0, TimeSpan.FromHours(-4));
        var priya = Person("Priya Shah", "Metrolinx", Contacted(contacted));

        var actions = Calculate(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.FromHours(-5)), Toronto, priya);

        Assert.Equal([NextActionKind.SecondContact, NextActionKind.FollowUp], actions.Select(a => a.Kind));
        // Tuesday 3 November and Monday 9 November, both 10:00 EST: 15:00 UTC, an hour later than the contact's 14:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 15, 0, 0, TimeSpan.Zero), actions[0].DueAtUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 15, 0, 0, TimeSpan.Zero), actions[1].DueAtUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 10, 0, 0, TimeSpan.FromHours(-5)), actions[1].DueAtLocal);
        Assert.Equal(TimeSpan.FromHours(-5), actions[1].DueAtLocal!.Value.Offset);
    }

    [Fact]
    public void A_stay_in_touch_nudge_falling_on_the_paris_autumn_change_day_keeps_the_local_time()
    {
        // Thanked Thursday 25 June 2026 18:00 CEST; four months later is Sunday 25 October, the day clocks go back.
        var thanked = new DateTimeOffset(2026, 6, 25, 18, 0, 0, TimeSpan.FromHours(2));
        var interview = new InterviewState(Guid.NewGuid(), InterviewStage.Thanked, thanked, ThankedAt: thanked);

        var nudge = Assert.Single(Calculate(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), Paris, Person("Priya Shah", null, interview)));

        Assert.Equal(NextActionKind.StayInTouch, nudge.Kind);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 18, 0, 0, TimeSpan.FromHours(1)), nudge.DueAtLocal);
        Assert.Equal(TimeSpan.FromHours(1), nudge.DueAtLocal!.Value.Offset);
        Assert.Contains("Thursday 25 June", nudge.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_one_follow_up_is_ever_suggested()
    {
        var contacted = FridayBeforeSpringChange;
        var followedUp = Contacted(contacted) with { FollowUpSentAt = contacted.AddDays(12) };
        var gaveUp = new InterviewState(Guid.NewGuid(), InterviewStage.NoReply, contacted.AddDays(20), ContactedAt: contacted, FollowUpSentAt: contacted.AddDays(12));

        var actions = Calculate(contacted.AddDays(40), Toronto, Person("Priya Shah", null, followedUp), Person("Sam Roy", null, gaveUp));

        Assert.Empty(actions);
    }

    [Fact]
    public void Marking_no_reply_before_the_follow_up_still_suggests_the_follow_up()
    {
        var contacted = FridayBeforeSpringChange;
        var noReply = new InterviewState(Guid.NewGuid(), InterviewStage.NoReply, contacted.AddDays(4), ContactedAt: contacted);

        var action = Assert.Single(Calculate(contacted.AddDays(12), Toronto, Person("Priya Shah", null, noReply)));

        Assert.Equal(NextActionKind.FollowUp, action.Kind);
    }

    [Fact]
    public void A_thank_you_is_due_24_elapsed_hours_after_the_meeting_ends_even_across_the_paris_spring_change()
    {
        // Saturday 28 March 2026 15:00–16:00 CET; 24 hours later it is Sunday 17:00 CEST on the wall clock.
        var start = new DateTimeOffset(2026, 3, 28, 15, 0, 0, TimeSpan.FromHours(1));
        var end = start.AddHours(1);
        var interview = new InterviewState(Guid.NewGuid(), InterviewStage.Interviewed, end, MeetingStart: start, MeetingEnd: end);

        var thankYou = Assert.Single(Calculate(end.AddHours(2), Paris, Person("Priya Shah", null, interview)));

        Assert.Equal(NextActionKind.ThankYou, thankYou.Kind);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 15, 0, 0, TimeSpan.Zero), thankYou.DueAtUtc);
        Assert.Equal(new DateTime(2026, 3, 29, 17, 0, 0), thankYou.DueAtLocal!.Value.DateTime);
        Assert.False(thankYou.Overdue);
        Assert.Contains("Sunday 29 March at 17:00", thankYou.Reason, StringComparison.Ordinal);
        Assert.True(Assert.Single(Calculate(end.AddHours(25), Paris, Person("Priya Shah", null, interview))).Overdue);
    }

    [Fact]
    public void A_meeting_that_ended_is_due_a_thank_you_even_before_it_is_marked_interviewed()
    {
        var start = FridayBeforeSpringChange;
        var interview = new InterviewState(Guid.NewGuid(), InterviewStage.Scheduled, start.AddDays(-3), MeetingStart: start);

        var during = Calculate(start.AddMinutes(10), Toronto, Person("Priya Shah", null, interview));
        var after = Calculate(start.AddMinutes(30), Toronto, Person("Priya Shah", null, interview));

        Assert.Empty(during);
        var thankYou = Assert.Single(after);
        Assert.Equal(NextActionKind.ThankYou, thankYou.Kind);
        Assert.Equal(start.AddMinutes(30).AddHours(24), thankYou.DueAtUtc);
    }

    [Fact]
    public void Agreed_to_talk_without_a_time_asks_to_plan_it_within_two_business_days()
    {
        // Agreed on Friday 16:00 in Toronto: due Tuesday 16:00 (the weekend skipped, across the spring change).
        var interview = new InterviewState(Guid.NewGuid(), InterviewStage.Scheduled, FridayBeforeSpringChange);
        var priya = Person("Priya Shah", null, interview);

        var plan = Assert.Single(Calculate(FridayBeforeSpringChange.AddHours(1), Toronto, priya));
        var late = Assert.Single(Calculate(new DateTimeOffset(2026, 3, 10, 16, 1, 0, TimeSpan.FromHours(-4)), Toronto, priya));

        Assert.Equal(NextActionKind.PlanConversation, plan.Kind);
        Assert.Equal(interview.Id, plan.InterviewId);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 16, 0, 0, TimeSpan.FromHours(-4)), plan.DueAtUtc);
        Assert.False(plan.Overdue);
        Assert.True(late.Overdue);
        Assert.Equal("Priya Shah agreed to talk on Friday 6 March: propose a time, plan the conversation and send the invite.", plan.Reason);
        // Once a time is planned, the meeting is what next actions show.
        var planned = interview with { MeetingStart = FridayBeforeSpringChange.AddDays(5) };
        Assert.Equal(NextActionKind.UpcomingMeeting, Assert.Single(Calculate(FridayBeforeSpringChange.AddHours(1), Toronto, Person("Priya Shah", null, planned))).Kind);
    }

    [Fact]
    public void No_thank_you_is_suggested_once_it_was_sent()
    {
        var end = FridayBeforeSpringChange;
        var interview = new InterviewState(Guid.NewGuid(), InterviewStage.Thanked, end.AddHours(3), MeetingStart: end.AddMinutes(-30), MeetingEnd: end, ThankedAt: end.AddHours(3));

        Assert.Empty(Calculate(end.AddDays(2), Toronto, Person("Priya Shah", null, interview)));
    }

    [Fact]
    public void An_upcoming_meeting_says_to_confirm_it_the_day_before()
    {
        // Tuesday 10 March 2026 10:00 EDT, after the spring change.
        var start = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(-4));
        var interview = new InterviewState(Guid.NewGuid(), InterviewStage.Scheduled, FridayBeforeSpringChange, MeetingStart: start, MeetingEnd: start.AddMinutes(30));
        var priya = Person("Priya Shah", null, interview);

        var friday = Assert.Single(Calculate(FridayBeforeSpringChange, Toronto, priya));
        var monday = Assert.Single(Calculate(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(-4)), Toronto, priya));

        Assert.Equal(NextActionKind.UpcomingMeeting, friday.Kind);
        Assert.Equal(start, friday.DueAtUtc);
        Assert.False(friday.Overdue);
        Assert.Equal("Meeting with Priya Shah on Tuesday 10 March at 10:00: confirm it on Monday 9 March.", friday.Reason);
        Assert.Equal("Meeting with Priya Shah on Tuesday 10 March at 10:00: confirm it today.", monday.Reason);
    }

    [Fact]
    public void A_reason_carries_its_times_as_instants_for_the_pane_to_format_and_the_same_words_around_them()
    {
        var start = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(-4));
        var interview = new InterviewState(Guid.NewGuid(), InterviewStage.Scheduled, FridayBeforeSpringChange, MeetingStart: start, MeetingEnd: start.AddMinutes(30));

        var action = Assert.Single(Calculate(FridayBeforeSpringChange, Toronto, Person("Priya {Shah}", null, interview)));

        Assert.Equal(
            [new ReasonPart("Meeting with Priya {Shah} on "), new ReasonPart(At: start.ToUniversalTime(), Show: ReasonTimeShown.DateTime),
             new ReasonPart(": confirm it on "), new ReasonPart(At: new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.Zero), Show: ReasonTimeShown.Date), new ReasonPart(".")],
            action.ReasonParts);
        // No part holds a time the server wrote out: only instants.
        Assert.DoesNotContain(action.ReasonParts, p => p.Text is { } t && (t.Contains("March") || t.Contains("10:00")));
        Assert.Equal("Meeting with Priya {Shah} on Tuesday 10 March at 10:00: confirm it on Monday 9 March.", action.Reason);
    }

    [Fact]
    public void Staying_in_touch_is_suggested_about_four_months_after_the_thank_you_and_after_each_update()
    {
        var thanked = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(-5));
        var interview = new InterviewState(Guid.NewGuid(), InterviewStage.Thanked, thanked, ThankedAt: thanked);
        var fourMonthsLater = new DateTimeOffset(2026, 5, 15, 9, 0, 0, TimeSpan.FromHours(-4));

        Assert.Empty(Calculate(fourMonthsLater.AddMinutes(-1), Toronto, Person("Priya Shah", null, interview)));
        var nudge = Assert.Single(Calculate(fourMonthsLater, Toronto, Person("Priya Shah", null, interview)));
        Assert.Equal(NextActionKind.StayInTouch, nudge.Kind);
        Assert.Equal(fourMonthsLater.ToUniversalTime(), nudge.DueAtUtc);

        var updated = interview with { Stage = InterviewStage.StayingInTouch, LastStayInTouchAt = fourMonthsLater.AddDays(2) };
        Assert.Empty(Calculate(fourMonthsLater.AddDays(3), Toronto, Person("Priya Shah", null, updated)));
        Assert.Equal(new DateTimeOffset(2026, 9, 17, 9, 0, 0, TimeSpan.FromHours(-4)),
            Assert.Single(Calculate(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), Toronto, Person("Priya Shah", null, updated))).DueAtUtc);
    }

    [Fact]
    public void The_nudge_counts_from_the_latest_of_the_thank_you_and_the_last_touch()
    {
        var thanked = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(-5));
        var april = new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.FromHours(-4));
        var touchedTwice = new InterviewState(Guid.NewGuid(), InterviewStage.StayingInTouch, thanked.AddDays(30), ThankedAt: thanked)
            .WithTouches([april, thanked.AddDays(30)]);
        // A touch recorded before the thank-you (say, a stage history written out of order) does not pull the nudge earlier.
        var touchedEarly = new InterviewState(Guid.NewGuid(), InterviewStage.StayingInTouch, thanked, ThankedAt: thanked)
            .WithTouches([thanked.AddDays(-10)]);

        Assert.Equal(april, touchedTwice.LastStayInTouchAt);
        // 15 April plus four months is 15 August, 09:00 in Toronto (EDT).
        var later = Assert.Single(Calculate(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), Toronto, Person("Priya Shah", null, touchedTwice)));
        Assert.Equal(new DateTimeOffset(2026, 8, 15, 13, 0, 0, TimeSpan.Zero), later.DueAtUtc);
        Assert.Contains("your last update on Wednesday 15 April", later.Reason, StringComparison.Ordinal);
        var early = Assert.Single(Calculate(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), Toronto, Person("Priya Shah", null, touchedEarly)));
        Assert.Equal(new DateTimeOffset(2026, 5, 15, 13, 0, 0, TimeSpan.Zero), early.DueAtUtc);
        Assert.Contains("your thank-you", early.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void People_not_yet_contacted_are_listed_without_a_due_time_and_name_their_referrer()
    {
        var tom = new PersonState(Guid.NewGuid(), "Tom Reyes", "Metrolinx", "Priya Shah", []);
        var ana = new PersonState(Guid.NewGuid(), "Ana Lopez", null, null, [new InterviewState(Guid.NewGuid(), InterviewStage.Prospect, FridayBeforeSpringChange)]);

        var actions = Calculate(FridayBeforeSpringChange, Toronto, tom, ana);

        Assert.Equal(["Ana Lopez", "Tom Reyes"], actions.Select(a => a.PersonName));
        Assert.All(actions, a => Assert.Equal(NextActionKind.FirstContact, a.Kind));
        Assert.All(actions, a => Assert.Null(a.DueAtUtc));
        Assert.All(actions, a => Assert.False(a.Overdue));
        Assert.Null(actions[1].InterviewId);
        Assert.Contains("Priya Shah suggested Tom Reyes", actions[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Declined_outreach_has_no_next_action()
    {
        var declined = new InterviewState(Guid.NewGuid(), InterviewStage.Declined, FridayBeforeSpringChange, ContactedAt: FridayBeforeSpringChange.AddDays(-20));

        Assert.Empty(Calculate(FridayBeforeSpringChange, Toronto, Person("Priya Shah", "Metrolinx", declined)));
    }

    [Fact]
    public void Actions_are_ordered_overdue_first_then_by_due_time_then_by_kind_then_by_name()
    {
        var now = new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.FromHours(-5)); // Wednesday, after the autumn change
        var endedYesterday = now.AddHours(-20);
        var endedTwoDaysAgo = now.AddHours(-30);
        var upcoming = now.AddDays(1);
        var contactedLongAgo = now.AddDays(-21);
        var thankedLongAgo = now.AddMonths(-5);

        var people = new[]
        {
            Person("Zoe Adams", null, new InterviewState(Guid.NewGuid(), InterviewStage.Interviewed, endedYesterday, MeetingEnd: endedYesterday)),
            Person("Yan Bell", null, new InterviewState(Guid.NewGuid(), InterviewStage.Interviewed, endedTwoDaysAgo, MeetingEnd: endedTwoDaysAgo)),
            Person("Xia Chen", null, new InterviewState(Guid.NewGuid(), InterviewStage.Scheduled, now.AddDays(-3), MeetingStart: upcoming)),
            Person("Will Diaz", "Fabrikam", Contacted(contactedLongAgo)),
            Person("Val Evans", null, new InterviewState(Guid.NewGuid(), InterviewStage.Thanked, thankedLongAgo, ThankedAt: thankedLongAgo)),
            Person("Uma Fox", null, new InterviewState(Guid.NewGuid(), InterviewStage.Prospect, now.AddDays(-1))),
            Person("Amy Gold", null, new InterviewState(Guid.NewGuid(), InterviewStage.Prospect, now.AddDays(-9))),
        };

        var actions = Calculate(now, Toronto, people);

        Assert.Equal(
            [
                (NextActionKind.StayInTouch, "Val Evans"),     // overdue since about a month (four months after the thank-you)
                (NextActionKind.SecondContact, "Will Diaz"),   // overdue since 3 business days after the contact
                (NextActionKind.FollowUp, "Will Diaz"),        // overdue since 7 business days after the contact
                (NextActionKind.ThankYou, "Yan Bell"),         // overdue by 6 hours
                (NextActionKind.ThankYou, "Zoe Adams"),        // due in 4 hours
                (NextActionKind.UpcomingMeeting, "Xia Chen"),  // tomorrow
                (NextActionKind.FirstContact, "Amy Gold"),     // no due time: by name
                (NextActionKind.FirstContact, "Uma Fox"),
            ],
            actions.Select(a => (a.Kind, a.PersonName)));
        Assert.Equal([true, true, true, true, false, false, false, false], actions.Select(a => a.Overdue));
    }

    [Fact]
    public void Actions_due_at_the_same_time_are_ordered_by_kind_then_by_name()
    {
        var contacted = FridayBeforeSpringChange;
        var now = contacted.AddDays(30);
        var people = new[]
        {
            Person("Bea Hall", null, Contacted(contacted)),
            Person("Al Ito", null, Contacted(contacted)),
            // A meeting that ended 7 business days minus 24 hours after the contact: its thank-you falls due at the same instant.
            Person("Cy Jones", null, new InterviewState(Guid.NewGuid(), InterviewStage.Interviewed, contacted, MeetingEnd: BusinessCalendar.AddBusinessDays(contacted, 7, Toronto).AddHours(-24))),
        };

        var actions = Calculate(now, Toronto, people);

        Assert.Equal(
            [(NextActionKind.ThankYou, "Cy Jones"), (NextActionKind.FollowUp, "Al Ito"), (NextActionKind.FollowUp, "Bea Hall")],
            actions.Select(a => (a.Kind, a.PersonName)));
        Assert.Single(actions.Select(a => a.DueAtUtc).Distinct());
    }

    [Fact]
    public void The_order_does_not_depend_on_the_order_of_the_input()
    {
        var contacted = FridayBeforeSpringChange;
        var people = Enumerable.Range(0, 8)
            .Select(i => Person($"Person {i % 3}", i % 2 == 0 ? "Contoso" : null, Contacted(contacted.AddDays(-i % 4))))
            .ToArray();
        var now = contacted.AddDays(15);

        var forward = Calculate(now, Toronto, people);
        var backward = Calculate(now, Toronto, [.. people.Reverse()]);

        Assert.NotEmpty(forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void A_stage_history_gives_the_contact_follow_up_and_thank_you_times()
    {
        var t = FridayBeforeSpringChange;
        var state = InterviewState.FromHistory(Guid.NewGuid(),
        [
            (InterviewStage.Contacted, t),
            (InterviewStage.Prospect, t.AddDays(-2)),
            (InterviewStage.NoReply, t.AddDays(10)),
            (InterviewStage.Contacted, t.AddDays(11)),
            (InterviewStage.Scheduled, t.AddDays(12)),
            (InterviewStage.Interviewed, t.AddDays(15)),
            (InterviewStage.Thanked, t.AddDays(16)),
        ]);

        Assert.Equal(InterviewStage.Thanked, state.Stage);
        Assert.Equal(t.AddDays(16), state.StageEnteredAt);
        Assert.Equal(t, state.ContactedAt);
        Assert.Equal(t.AddDays(11), state.FollowUpSentAt);
        Assert.Equal(t.AddDays(16), state.ThankedAt);
        Assert.Null(state.LastStayInTouchAt);
    }
}
