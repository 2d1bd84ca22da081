using System.Text;
using OutlookInterviewAddin.Import;

namespace OutlookInterviewAddin.Tests.Import;

public sealed class VCardReaderTests
{
    /// <summary>Three cards as Outlook (2.1), Google/Apple (3.0) and a 4.0 writer export them, plus two broken ones.</summary>
    public const string AddressBook =
        "BEGIN:VCARD\r\n" +                                                              // 1
        "VERSION:2.1\r\n" +
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n" +
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\n" +
        "ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Caf=E9 Central;Kitchen\r\n" +  // 5
        "EMAIL;INTERNET:juergen.work@example.de\r\n" +
        "EMAIL;INTERNET;PREF:juergen@example.de\r\n" +
        "NOTE;ENCODING=QUOTED-PRINTABLE:Met at the Berlin fair,=0D=0Aintroduced by Ana Lo=\r\n" +
        "pez.\r\n" +
        "END:VCARD\r\n" +                                                                // 10
        "BEGIN:VCARD\r\n" +                                                              // 11
        "VERSION:3.0\r\n" +
        "FN:Nadia Haddad\\, PhD\r\n" +
        "N:Haddad;Nadia;;;PhD\r\n" +
        "ORG:Shopify\\, Inc.;Data\r\n" +                                                 // 15
        "TITLE:Director\\; Analytics\r\n" +
        "EMAIL;TYPE=INTERNET,WORK:nadia@example.com\r\n" +
        "item1.EMAIL;TYPE=\"INTERNET,HOME,PREF\":nadia.h@example.org\r\n" +
        "item2.URL:http://www.linkedin.com/in/nadia-haddad\r\n" +
        "ADR;TYPE=HOME:;;1 Home St;Gatineau;QC;J8X;Canada\r\n" +                         // 20
        "ADR;TYPE=WORK:;;151 O'Connor St;Ottawa;ON;K2P 2L8;Canada\r\n" +
        "NOTE:Line one\\nLine two is long enough that the writer folded it acr\r\n" +
        " oss two lines.\r\n" +
        "END:VCARD\r\n" +
        "\r\n" +                                                                         // 25
        "BEGIN:VCARD\n" +                                                                // 26
        "VERSION:4.0\n" +
        "FN:李小龙\n" +
        "EMAIL;PREF=1:bruce@example.com\n" +
        "TZ:America/Vancouver\n" +                                                       // 30
        "END:VCARD\n" +
        "BEGIN:VCARD\n" +                                                                // 32
        "VERSION:3.0\n" +
        "EMAIL:nobody@example.com\n" +
        "END:VCARD\n" +                                                                  // 35
        "BEGIN:VCARD\n" +                                                                // 36
        "VERSION:3.0\n" +
        "FN:Cut Short\n";

    [Fact]
    public void Reads_every_card_with_its_line_and_reports_the_broken_ones()
    {
        var file = VCardReader.Read(AddressBook);

        Assert.Equal([1, 11, 26], file.Contacts.Select(c => c.Line));
        Assert.Equal([(32, "This card has no name (neither FN nor N)."), (36, "This card has no END:VCARD: the file may be cut short.")],
            file.Problems.Select(p => (p.Line, p.Reason)));
    }

    [Fact]
    public void Quoted_printable_values_are_decoded_in_their_charset_across_soft_line_breaks()
    {
        var juergen = VCardReader.Read(AddressBook).Contacts[0];

        Assert.Equal("Jürgen Müller", juergen.Name);
        Assert.Equal("Müller", juergen.FamilyName);
        Assert.Equal("Café Central", juergen.Organisation);
        Assert.Equal("Met at the Berlin fair,\r\nintroduced by Ana Lopez.", juergen.Note);
        Assert.Equal(["juergen@example.de", "juergen.work@example.de"], juergen.Emails);
    }

    [Fact]
    public void Escaped_commas_and_semicolons_folded_lines_groups_and_quoted_parameters_are_read()
    {
        var nadia = VCardReader.Read(AddressBook).Contacts[1];

        Assert.Equal("Nadia Haddad, PhD", nadia.Name);
        Assert.Equal("Shopify, Inc.", nadia.Organisation);
        Assert.Equal("Director; Analytics", nadia.Title);
        Assert.Equal("nadia.h@example.org", nadia.Emails[0]);
        Assert.Equal("Ottawa", nadia.City);
        Assert.Equal("https://www.linkedin.com/in/nadia-haddad", ImportSources.LinkedInUrlAmong(nadia.Urls));
        Assert.Equal("Line one\nLine two is long enough that the writer folded it across two lines.", nadia.Note);
    }

    [Fact]
    public void A_version_4_card_keeps_its_script_and_time_zone()
    {
        var bruce = VCardReader.Read(AddressBook).Contacts[2];

        Assert.Equal("李小龙", bruce.Name);
        Assert.Equal(["bruce@example.com"], bruce.Emails);
        Assert.Equal("America/Vancouver", bruce.TimeZone);
    }

    [Fact]
    public void A_card_with_only_N_takes_its_name_from_the_given_and_family_names()
    {
        var card = Assert.Single(VCardReader.Read("BEGIN:VCARD\nVERSION:3.0\nN:O'Brien;Zoë;;;\nEND:VCARD\n").Contacts);

        Assert.Equal("Zoë O'Brien", card.Name);
    }

    [Fact]
    public void Files_that_are_not_utf8_are_read_as_latin1()
    {
        var bytes = Encoding.Latin1.GetBytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Renée Côté\r\nEND:VCARD\r\n");

        var card = Assert.Single(VCardReader.Read(VCardReader.DecodeFile(bytes)).Contacts);

        Assert.Equal("Renée Côté", card.Name);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_first_line()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n")).ToArray();

        Assert.Single(VCardReader.Read(VCardReader.DecodeFile(bytes)).Contacts);
    }
}
