using OutlookInterviewAddin.Mail;

namespace OutlookInterviewAddin.Tests.Mail;

public sealed class EditedBodyTests
{
    [Fact]
    public void Script_and_event_handlers_never_survive_an_edit()
    {
        var body = EditedBody.From("<p onclick=\"steal()\">Hi <img src=x onerror=alert(1)><script>alert(2)</script><b style=\"x\">there</b></p><iframe src=\"https://evil.example\"></iframe>");

        Assert.Equal("<p>Hi <strong>there</strong></p>", body.Html);
        Assert.Equal("Hi there", body.Text);
    }

    [Fact]
    public void Only_web_and_mail_links_are_kept()
    {
        var body = EditedBody.From("<p><a href=\"javascript:alert(1)\">bad</a> <a href=\"https://example.com/x?a=1&b=2\" target=_blank>good</a> <a href=\"mailto:a@b.example\">mail</a></p>");

        Assert.Equal("<p>bad <a href=\"https://example.com/x?a=1&amp;b=2\">good</a> <a href=\"mailto:a@b.example\">mail</a></p>", body.Html);
    }

    [Fact]
    public void Text_that_looks_like_markup_stays_text()
    {
        var body = EditedBody.From("<p>&lt;/p&gt;&lt;script&gt; is what I typed</p>");

        Assert.Equal("<p>&lt;/p&gt;&lt;script&gt; is what I typed</p>", body.Html);
        Assert.Equal("</p><script> is what I typed", body.Text);
    }

    [Fact]
    public void Paragraphs_and_lists_become_the_plain_text_the_checker_reads()
    {
        var body = EditedBody.From("<div>Hello Priya,</div><div><br></div><p>First line<br>second line</p><ul><li>one</li><li>two</li></ul>");

        Assert.Equal("Hello Priya,\n\nFirst line\nsecond line\n\n- one\n- two", body.Text);
    }
}
