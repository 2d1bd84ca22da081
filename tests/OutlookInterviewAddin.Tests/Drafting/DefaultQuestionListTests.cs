using OutlookInterviewAddin.Drafting.QuestionList;
using OutlookInterviewAddin.QuestionLists.Kits;

namespace OutlookInterviewAddin.Tests.Drafting;

/// <summary>The default question list exists once: the built-in kit users pick, which the renderer's default agenda is made from.</summary>
public sealed class DefaultQuestionListTests
{
    [Fact]
    public void The_renderers_default_agenda_is_the_built_in_default_kit_word_for_word()
    {
        var agenda = QuestionAgenda.Default;
        var kit = BuiltInKits.Default;

        Assert.Equal(kit.Opening, agenda.Opening);
        Assert.Equal(kit.Parts.Select(p => p.Title), agenda.Parts.Select(p => p.Title));
        Assert.Equal(kit.Parts.Select(p => p.Questions), agenda.Parts.Select(p => p.Questions));
        Assert.Equal(kit.Closing, agenda.Closing);
    }
}
