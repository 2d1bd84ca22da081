using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.Tests.Validation;

public sealed class FieldErrorsTests
{
    [Theory]
    [InlineData("priya.shah@example.com")]
    [InlineData("o'brien+careers@mail.example.co.uk")]
    public void Plain_addresses_are_emails(string email) => Assert.True(FieldErrors.IsPlainEmail(email));

    [Theory]
    [InlineData("Priya <priya@example.com>")]
    [InlineData("priya@localhost")]
    [InlineData("priya@@example.com")]
    [InlineData("priya shah@example.com")]
    [InlineData("priya@example.com.")]
    [InlineData("priya")]
    public void Anything_else_is_not(string email) => Assert.False(FieldErrors.IsPlainEmail(email));

    [Theory]
    [InlineData("America/Toronto", "America/Toronto")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    public void Time_zones_are_kept_as_iana_ids(string given, string expected) =>
        Assert.Equal(expected, FieldErrors.TryNormaliseTimeZone(given));

    [Fact]
    public void An_unknown_time_zone_is_an_error()
    {
        var errors = new FieldErrors();

        errors.TimeZone("timeZone", "Mars/Olympus_Mons");

        Assert.True(errors.Any);
    }

    [Theory]
    [InlineData("https://www.linkedin.com/in/priya", true)]
    [InlineData("https://linkedin.com/in/priya", true)]
    [InlineData("http://www.linkedin.com/in/priya", false)]
    [InlineData("https://notlinkedin.com/in/priya", false)]
    [InlineData("www.linkedin.com/in/priya", false)]
    public void Linkedin_urls_are_absolute_https_on_linkedin(string url, bool valid)
    {
        var errors = new FieldErrors();

        errors.HttpsUrl("linkedInUrl", url, "linkedin.com");

        Assert.Equal(valid, !errors.Any);
    }

    [Fact]
    public void Text_is_trimmed_and_blank_is_null()
    {
        var errors = new FieldErrors();

        Assert.Equal("Toronto", errors.Text("city", "  Toronto ", 200));
        Assert.Null(errors.Text("city", "   ", 200));
        Assert.False(errors.Any);
    }
}
