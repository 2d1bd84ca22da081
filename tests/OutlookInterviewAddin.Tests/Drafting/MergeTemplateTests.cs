using System.Globalization;
using System.Text.RegularExpressions;
using OutlookInterviewAddin.Drafting;

namespace OutlookInterviewAddin.Tests.Drafting;

public sealed partial class MergeTemplateTests
{
    private static readonly HashSet<string> Fields = ["name", "organisation", "city"];
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Values_are_inserted_where_the_fields_are()
    {
        var rendered = Render("Hello {name}. You work at {organisation}.", new() { ["name"] = "Zoë O'Brien", ["organisation"] = "L'Oréal" });

        Assert.Equal(["Hello Zoë O'Brien.", "You work at L'Oréal."], rendered);
    }

    [Fact]
    public void A_missing_value_drops_its_sentence_instead_of_printing_a_gap()
    {
        var rendered = Render("Hello {name}. You work at {organisation}. Thanks!", new() { ["name"] = "Ana", ["organisation"] = "  " });

        Assert.Equal(["Hello Ana.", "Thanks!"], rendered);
    }

    [Fact]
    public void A_missing_value_inside_an_optional_clause_drops_only_the_clause()
    {
        const string template = "I'd love to hear about your work[ at {organisation}][ in {city}].";

        Assert.Equal(["I'd love to hear about your work in Montréal."], Render(template, new() { ["city"] = "Montréal" }));
        Assert.Equal(["I'd love to hear about your work at Shopify."], Render(template, new() { ["organisation"] = "Shopify" }));
        Assert.Equal(["I'd love to hear about your work."], Render(template, new()));
    }

    [Theory]
    [InlineData("Hello {nmae}.", "{nmae}")]
    [InlineData("Hello {name.", "not closed")]
    [InlineData("Hello {}.", "{}")]
    [InlineData("Hello name}.", "}")]
    [InlineData("Hello[ {name}.", "not closed")]
    [InlineData("Hello [[ {name}]].", "cannot contain")]
    [InlineData("   ", "empty")]
    public void A_template_with_an_unknown_field_or_broken_markup_is_rejected_when_saved(string template, string explanation)
    {
        var result = MergeTemplate.Parse(template, Fields, DraftText.English);

        Assert.False(result.IsValid);
        Assert.Null(result.Template);
        Assert.Contains(result.Problems, p => p.Message.Contains(explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void A_users_wording_must_keep_what_the_part_is_for()
    {
        var problems = DraftTemplates.Validate(TemplateSlots.ThankYouTakeaway.Key, "Thanks for the great advice!", English);

        Assert.Contains(problems, p => p.Message.Contains("{takeaway}", StringComparison.Ordinal));
        Assert.Empty(DraftTemplates.Validate(TemplateSlots.ThankYouTakeaway.Key, "You told me: “{takeaway}”", English));
    }

    [Fact]
    public void A_users_wording_that_names_a_field_of_another_draft_is_rejected()
    {
        var problems = DraftTemplates.Validate(TemplateSlots.OutreachAskCold.Key, "Could you share your {takeaway}?", English);

        var problem = Assert.Single(problems);
        Assert.Contains("{takeaway}", problem.Message, StringComparison.Ordinal);
        Assert.Contains("{organisation}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_users_saved_wording_is_used_by_the_composer()
    {
        var templates = DraftTemplates.ForCulture(English, new Dictionary<string, string>
        {
            [TemplateSlots.ConnectionCold.Key] = "I read your interview in the alumni magazine[ about {organisation}].",
        });
        var composer = new OutreachComposer(templates);

        var body = composer.Compose(new OutreachRequest(DraftingData.Maya, DraftingData.Cold, new DraftVariety("maya", "zoe@example.org", new DateOnly(2026, 3, 2)))).ToPlainText();

        Assert.Contains("I read your interview in the alumni magazine about Shopify.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Wording_that_no_longer_validates_falls_back_to_the_built_in_one()
    {
        var templates = DraftTemplates.ForCulture(English, new Dictionary<string, string>
        {
            [TemplateSlots.ConnectionCold.Key] = "I read about {oldFieldName}.",
        });

        Assert.Equal(DraftTemplates.English.Variants(TemplateSlots.ConnectionCold).Select(t => t.Text),
            templates.Variants(TemplateSlots.ConnectionCold).Select(t => t.Text));
    }

    [Fact]
    public void Every_built_in_wording_parses_and_uses_only_its_parts_fields()
    {
        foreach (var slot in TemplateSlots.All)
        {
            var text = DraftText.English.Get(slot.Key);
            Assert.Empty(DraftTemplates.Validate(slot.Key, text, English));
            foreach (Match field in FieldReference().Matches(text))
                Assert.Contains(field.Groups[1].Value, slot.Fields);
        }
    }

    private static IReadOnlyList<string> Render(string template, Dictionary<string, string?> values)
    {
        var result = MergeTemplate.Parse(template, Fields, DraftText.English);
        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => p.Message)));
        return result.Template!.Render(values);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex FieldReference();
}
