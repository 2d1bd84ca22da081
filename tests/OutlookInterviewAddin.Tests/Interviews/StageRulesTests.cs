using OutlookInterviewAddin.Interviews;

namespace OutlookInterviewAddin.Tests.Interviews;

public sealed class StageRulesTests
{
    [Theory]
    [InlineData(InterviewStage.Prospect, InterviewStage.Contacted)]
    [InlineData(InterviewStage.Prospect, InterviewStage.Scheduled)]
    [InlineData(InterviewStage.Contacted, InterviewStage.NoReply)]
    [InlineData(InterviewStage.NoReply, InterviewStage.Contacted)]
    [InlineData(InterviewStage.Scheduled, InterviewStage.Interviewed)]
    [InlineData(InterviewStage.Interviewed, InterviewStage.Thanked)]
    [InlineData(InterviewStage.Thanked, InterviewStage.StayingInTouch)]
    public void Steps_along_the_workflow_are_allowed(InterviewStage from, InterviewStage to) =>
        Assert.Null(StageRules.Refusal(from, to, "Priya"));

    [Theory]
    [InlineData(InterviewStage.Scheduled, InterviewStage.Thanked, "thank Priya after the interview")]
    [InlineData(InterviewStage.Prospect, InterviewStage.Interviewed, "has to be scheduled")]
    [InlineData(InterviewStage.Interviewed, InterviewStage.StayingInTouch, "after thanking Priya")]
    [InlineData(InterviewStage.Interviewed, InterviewStage.Scheduled, "cannot go back to scheduled")]
    [InlineData(InterviewStage.Prospect, InterviewStage.Declined, "has not been contacted yet")]
    [InlineData(InterviewStage.Declined, InterviewStage.Contacted, "Priya declined")]
    [InlineData(InterviewStage.Contacted, InterviewStage.Contacted, "already at contacted")]
    [InlineData(InterviewStage.StayingInTouch, InterviewStage.StayingInTouch, "record each update as a touch")]
    public void Changes_that_make_no_sense_are_refused_with_a_reason(InterviewStage from, InterviewStage to, string reason)
    {
        var refusal = StageRules.Refusal(from, to, "Priya");

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_stage_the_rules_allow_is_refused_by_no_reason()
    {
        foreach (var from in Enum.GetValues<InterviewStage>())
            foreach (var to in Enum.GetValues<InterviewStage>())
                Assert.Equal(StageRules.AllowedAfter(from).Contains(to), StageRules.Refusal(from, to, "Priya") is null);
    }
}
