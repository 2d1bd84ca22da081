using System.Net;
using Microsoft.Graph.Models;
using OutlookInterviewAddin.Import;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Import;

/// <summary>Outlook contacts read through the real Graph SDK from the local mailbox's /me/contacts.</summary>
public sealed class OutlookContactsImportTests : IDisposable
{
    private readonly MailboxHost host = new();

    public void Dispose() => host.Dispose();

    private async Task AddContactAsync(Contact contact)
    {
        using var graph = LocalGraph.ClientFor(host.Factory, TestUser.Alice);
        await graph.Me.Contacts.PostAsync(contact);
    }

    private async Task<ImportPreview> PreviewAsync() =>
        await (await host.Client.PostAsync("/api/import/outlook/preview", null)).ReadAsync<ImportPreview>(HttpStatusCode.OK);

    [Fact]
    public async Task Outlook_contacts_are_previewed_and_imported_as_counted_without_overwriting_anyone()
    {
        var ana = await host.Client.AddPersonAsync(new PersonInput("Ana Lopez", "ana@metrolinx.example", Role: "Planner"));
        var tom = await host.Client.AddPersonAsync(new PersonInput("Tom Reyes", null, "Hydro One", "Engineer"));
        await AddContactAsync(new Contact
        {
            GivenName = "Ana", Surname = "López", DisplayName = "Ana López (Metrolinx)",
            EmailAddresses = [new EmailAddress { Address = "ANA@metrolinx.example", Name = "Ana" }],
            CompanyName = "Metrolinx", JobTitle = "Senior planner", BusinessAddress = new PhysicalAddress { City = "Toronto" },
        });
        await AddContactAsync(new Contact { DisplayName = "Tom Reyes", CompanyName = "Hydro One" });
        await AddContactAsync(new Contact
        {
            GivenName = "Nadia", Surname = "Haddad", EmailAddresses = [new EmailAddress { Address = "nadia@example.com" }],
            CompanyName = "Shopify", PersonalNotes = "Ran the data meetup",
        });
        await AddContactAsync(new Contact { DisplayName = "{{first_name}}", EmailAddresses = [new EmailAddress { Address = "template@example.com" }] });

        var preview = await PreviewAsync();

        Assert.Equal("outlook", preview.Source);
        Assert.Equal(new ImportCounts(Add: 1, Match: 1, Skip: 1, Error: 1), preview.Counts);
        // By display name, as Outlook lists them: Ana López (Metrolinx), Nadia Haddad, Tom Reyes, {{first_name}}.
        Assert.Equal([ImportAction.Match, ImportAction.Add, ImportAction.Skip, ImportAction.Error], preview.Rows.Select(r => r.Action));
        Assert.Equal([1, 2, 3, 4], preview.Rows.Select(r => r.Line));
        var match = preview.Rows[0];
        Assert.Equal(ana.Id, match.ExistingPersonId);
        Assert.Equal(["organisation", "city"], match.Fills);
        Assert.Equal(tom.Id, preview.Rows[2].ExistingPersonId);
        Assert.StartsWith("name: This does not look like a name", preview.Rows[3].Reason);

        var result = await host.Client.ImportAsync(preview);

        Assert.Equal(preview.Counts, result.Counts);
        var people = await host.Client.AllPeopleAsync();
        Assert.Equal(3, people.Count);
        var anaNow = Assert.Single(people, p => p.Id == ana.Id);
        Assert.Equal(("Ana Lopez", "ana@metrolinx.example", "Planner", "Metrolinx", "Toronto"), (anaNow.Name, anaNow.Email, anaNow.Role, anaNow.Organisation, anaNow.City));
        var nadia = Assert.Single(people, p => p.Name == "Nadia Haddad");
        Assert.Equal(("nadia@example.com", "Shopify", "Ran the data meetup", ConnectionKind.OtherWarm), (nadia.Email, nadia.Organisation, nadia.Notes, nadia.Connection));

        Assert.Equal(new ImportCounts(Add: 0, Match: 0, Skip: 3, Error: 1), (await PreviewAsync()).Counts);
    }

    [Fact]
    public async Task Every_page_of_contacts_is_read()
    {
        for (var i = 0; i < 101; i++)
            await AddContactAsync(new Contact { DisplayName = $"Contact {i:000}", EmailAddresses = [new EmailAddress { Address = $"c{i}@example.com" }] });

        var preview = await PreviewAsync();

        Assert.Equal(101, preview.Counts.Add);
        Assert.Equal("Contact 100", preview.Rows[^1].Person.Name);
    }

    [Fact]
    public async Task Another_users_contacts_are_not_read()
    {
        using (var bobsGraph = LocalGraph.ClientFor(host.Factory, TestUser.Bob))
            await bobsGraph.Me.Contacts.PostAsync(new Contact { DisplayName = "Bob's contact" });

        Assert.Empty((await PreviewAsync()).Rows);
    }
}
