using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.NextActions;

/// <summary>Next actions read only the rows that can give an action on the page asked for, in a fixed number of queries.</summary>
public sealed class NextActionsQueryTests : IAsyncLifetime
{
    private readonly QueryCounter counter = new();
    private readonly ClockedAddinFactory factory;

    public NextActionsQueryTests()
    {
        factory = new ClockedAddinFactory
        {
            TestServices = counter.AttachTo,
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_page_of_next_actions_reads_a_bounded_number_of_rows_however_many_people_there_are()
    {
        var client = factory.CreateClockedClientFor(NextActionsApiTests.NewUser("Many"));
        // 60 people never contacted, and 20 contacted today: nothing is due for those yet.
        for (var i = 0; i < 60; i++) await client.AddPersonAsync(new PersonInput($"Prospect {i:D2}", Organisation: $"Org {i % 7}"));
        for (var i = 0; i < 20; i++)
        {
            var interview = await client.AddInterviewAsync(new PersonInput($"Waiting {i:D2}", Organisation: $"Org {i % 7}"));
            await client.MoveThroughAsync(interview.Id, InterviewStage.Contacted);
        }

        counter.Reset();
        var page = await client.GetAsync<NextActionsResponse>("/api/next-actions?limit=5");
        var (commands, rows) = (counter.Commands, counter.Rows);

        Assert.Equal(5, page.Items.Count);
        Assert.NotNull(page.NextCursor);
        Assert.All(page.Items, a => Assert.Equal(NextActionKind.FirstContact, a.Kind));
        // At least the profile and the page were read: a counter that saw nothing counts nothing.
        Assert.True(commands is >= 2 and <= 5, $"{commands} SQL commands");
        // The profile, the page and the one that says there is more; no row per person on the list.
        Assert.True(rows <= 5 + 1 + 1, $"{rows} rows read");
    }
}
