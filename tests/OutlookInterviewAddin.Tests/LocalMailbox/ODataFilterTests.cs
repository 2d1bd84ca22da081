using OutlookInterviewAddin.LocalMailbox;

namespace OutlookInterviewAddin.Tests.LocalMailbox;

public sealed class ODataFilterTests
{
    private const string Tag = "String {5d6e3a5c-2f0b-4c7e-9a43-7a1f0c2b9e11} Name InterviewItem";

    private sealed record Item(string? FromAddress, DateTimeOffset Received, params MailboxExtendedProperty[] Properties) : IFilterable
    {
        public DateTimeOffset? Date(string property) => property == "receivedDateTime" ? Received : null;

        IEnumerable<MailboxExtendedProperty> IFilterable.ExtendedProperties => Properties;
    }

    private static readonly Item Tagged = new("priya@metrolinx.example", new(2027, 1, 10, 9, 0, 0, TimeSpan.Zero), new MailboxExtendedProperty(Tag, "it's-1"));
    private static readonly Item Plain = new("jonas@arup.example", new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("singleValueExtendedProperties/Any(ep: ep/id eq 'String {5D6E3A5C-2F0B-4C7E-9A43-7A1F0C2B9E11} Name InterviewItem' and ep/value eq 'it''s-1')", true, false)]
    [InlineData("singleValueExtendedProperties/any(p:p/value eq 'it''s-1' and p/id eq '" + Tag + "')", true, false)]
    [InlineData("singleValueExtendedProperties/Any(ep: ep/id eq '" + Tag + "')", true, false)]
    [InlineData("singleValueExtendedProperties/Any(ep: ep/id eq '" + Tag + "' and ep/value eq 'its-1')", false, false)]
    [InlineData("receivedDateTime ge 2027-01-01T00:00:00Z", true, false)]
    [InlineData("receivedDateTime lt 2027-01-01T00:00:00Z", false, true)]
    [InlineData("(receivedDateTime ge 2000-01-01T00:00:00Z) and from/emailAddress/address eq 'JONAS@arup.example'", false, true)]
    [InlineData("from/emailAddress/address eq 'priya@metrolinx.example' and singleValueExtendedProperties/Any(x: x/id eq '" + Tag + "')", true, false)]
    public void Supported_filters_match_the_right_items(string filter, bool tagged, bool plain)
    {
        var parsed = ODataFilter.Parse(filter, messageProperties: true);

        Assert.Equal(tagged, parsed.Matches(Tagged));
        Assert.Equal(plain, parsed.Matches(Plain));
    }

    [Fact]
    public void The_filter_names_its_properties_in_order_for_the_sort_check()
    {
        var parsed = ODataFilter.Parse("receivedDateTime ge 2000-01-01T00:00:00Z and from/emailAddress/address eq 'a@b.example'", messageProperties: true);

        Assert.Equal(["receivedDateTime", "from/emailAddress/address"], parsed.Properties);
    }

    [Theory]
    [InlineData("not receivedDateTime ge 2000-01-01T00:00:00Z")]
    [InlineData("from/emailAddress/address ne 'a@b.example'")]
    [InlineData("from/emailAddress/address eq a@b.example")]
    [InlineData("singleValueExtendedProperties/Any(ep: ep/id eq 'x' and ep/id eq 'y')")]
    [InlineData("singleValueExtendedProperties/Any(ep: other/id eq 'x')")]
    [InlineData("(receivedDateTime ge 2000-01-01T00:00:00Z")]
    [InlineData("contains(subject, 'x')")]
    public void Anything_else_is_ErrorInvalidUrlQueryFilter(string filter)
    {
        var refused = Assert.Throws<GraphException>(() => ODataFilter.Parse(filter, messageProperties: true));

        Assert.Equal("ErrorInvalidUrlQueryFilter", refused.Code);
        Assert.Equal(400, refused.Status);
    }

    [Fact]
    public void Events_can_be_filtered_on_their_extended_properties_only() =>
        Assert.Equal("ErrorInvalidUrlQueryFilter",
            Assert.Throws<GraphException>(() => ODataFilter.Parse("from/emailAddress/address eq 'a@b.example'", messageProperties: false)).Code);
}
