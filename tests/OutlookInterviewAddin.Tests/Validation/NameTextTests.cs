using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.Tests.Validation;

public sealed class NameTextTests
{
    [Theory]
    [InlineData("Zoë O'Brien")]
    [InlineData("Renée St-Pierre")]
    [InlineData("José (Pepe) García")]
    [InlineData("AT&T")]
    [InlineData("Procter & Gamble")]
    [InlineData("Dr. Okafor")]
    [InlineData("O'Neil-Smith, Jr.")]
    [InlineData("李小龙")]
    [InlineData("The Ontario Ministry of Health")]
    [InlineData("Smith [née Jones]")]
    [InlineData("Bracket } first { then")]
    public void Real_names_pass(string name) => Assert.Null(NameText.Problem(name, NameText.Name));

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Priya <b>Shah</b>")]
    [InlineData("Priya > Shah")]
    [InlineData("{name}")]
    [InlineData("Dear {first name}")]
    [InlineData("{{firstName}}")]
    [InlineData("Priya }}")]
    [InlineData("[[Name]]")]
    [InlineData("Hello [[first]] there")]
    public void Markup_and_placeholders_are_not_names(string text) =>
        Assert.Equal("This does not look like a name: remove the <, >, { } or [[ ]].", NameText.Problem(text, NameText.Name));

    [Theory]
    [InlineData("Priya\nShah")]
    [InlineData("Priya\tShah")]
    [InlineData("Priya\u0007Shah")]
    [InlineData("Priya\u0000")]
    public void Control_characters_are_not_names(string text) =>
        Assert.Equal("This does not look like a name: keep it on one line, without tabs or other control characters.", NameText.Problem(text, NameText.Name));

    [Fact]
    public void The_message_says_what_the_field_holds()
    {
        var errors = new FieldErrors();

        var text = errors.NameLike("organisation", " <Metrolinx> ", 200, NameText.Organisation);

        Assert.Equal("<Metrolinx>", text);
        Assert.True(errors.Any);
        Assert.Equal("This does not look like an organisation's name: remove the <, >, { } or [[ ]].", NameText.Problem(text!, NameText.Organisation));
    }
}
