using OutlookInterviewAddin.Drafting;

namespace OutlookInterviewAddin.Tests.Drafting;

public sealed class MergeGrammarTests
{
    private static readonly MergeGrammar Grammar = MergeGrammar.English;

    [Theory]
    [InlineData("MBA student", "an")]
    [InlineData("UX researcher", "a")]
    [InlineData("urban planner", "an")]
    [InlineData("Urban Planning", "an")]
    [InlineData("university lecturer", "a")]
    [InlineData("user researcher", "a")]
    [InlineData("hour-long study", "an")]
    [InlineData("honest broker", "an")]
    [InlineData("HR business partner", "an")]
    [InlineData("SQL developer", "an")]
    [InlineData("NASA engineer", "a")]
    [InlineData("one-person studio", "a")]
    [InlineData("European policy analyst", "a")]
    [InlineData("engineer", "an")]
    [InlineData("data scientist", "a")]
    [InlineData("Écologie student", "an")]
    public void The_indefinite_article_follows_the_sound(string value, string article)
    {
        Assert.Equal(article, Grammar.IndefiniteArticle(value));
        Assert.Equal($"{article} {value}", Grammar.Apply(value, "a", atSentenceStart: false));
    }

    [Theory]
    [InlineData("University of Waterloo", true)]
    [InlineData("Ontario Ministry of Health", true)]
    [InlineData("Hospital for Sick Children", true)]
    [InlineData("Vector Institute", true)]
    [InlineData("Bank of Montreal", true)]
    [InlineData("Université de Montréal", true)]
    [InlineData("UBC", false)]
    [InlineData("Shopify", false)]
    [InlineData("McGill University", false)]
    [InlineData("Hydro-Québec", false)]
    [InlineData("Institute", false)]
    public void The_definite_article_comes_before_names_that_take_it(string name, bool takesThe)
    {
        Assert.Equal(takesThe, Grammar.TakesThe(name));
        Assert.Equal(takesThe ? "the " + name : name, Grammar.Apply(name, "the", atSentenceStart: false));
    }

    [Fact]
    public void A_leading_The_is_lower_cased_mid_sentence_and_never_doubled()
    {
        Assert.Equal("the Ontario Ministry of Transportation", Grammar.Apply("The Ontario Ministry of Transportation", "the", atSentenceStart: false));
        Assert.Equal("the Globe and Mail", Grammar.Apply("The Globe and Mail", null, atSentenceStart: false));
        Assert.Equal("The Globe and Mail", Grammar.Apply("The Globe and Mail", null, atSentenceStart: true));
        Assert.Equal("The University of Waterloo", Grammar.Apply("University of Waterloo", "the", atSentenceStart: true));
    }

    [Fact]
    public void Templates_write_values_in_the_form_they_ask_for()
    {
        var template = MergeTemplate.Parse("I'm {program:a} student[ at {school:the}].", TemplateSlots.QuestionFields.Union(["program", "school"]).ToHashSet(), DraftText.English).Template!;

        Assert.Equal(["I'm an MBA student at the University of Waterloo."],
            template.Render(new Dictionary<string, string?> { ["program"] = "MBA", ["school"] = "University of Waterloo" }));
        Assert.Equal(["I'm a UX Design student at UBC."],
            template.Render(new Dictionary<string, string?> { ["program"] = "UX Design", ["school"] = "UBC" }));
    }

    [Fact]
    public void An_unknown_form_is_refused_when_the_wording_is_saved()
    {
        var problems = MergeTemplate.Parse("At {organisation:le} we", new HashSet<string>(["organisation"]), DraftText.English).Problems;

        Assert.Contains(problems, p => p.Message.Contains(":le", StringComparison.Ordinal));
    }
}
