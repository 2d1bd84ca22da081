using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using NJsonSchema;
using OutlookInterviewAddin.Manifest;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Manifest;

/// <summary>
/// The unified manifest for Microsoft 365: checked offline against Microsoft's published JSON schema
/// (v1.29, vendored in Schemas/), and written from the same source as the XML manifest.
/// </summary>
public sealed class UnifiedManifestTests
{
    private const string ClientId = "3f1b6a57-6d5e-4c1a-9f57-0e7f1b2c3d4e";
    private static readonly Uri TheirHost = new("https://their-host.example/interviews/");
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Manifest", "Schemas", "MicrosoftTeams.schema.v1.29.json")).GetAwaiter().GetResult());

    private static XDocument Xml(ManifestSignIn? signIn) => ManifestRenderer.Render(ManifestRenderer.Template, TheirHost, signIn);

    // Every error, nested ones included (NJsonSchema reports an invalid array item with its causes inside).
    private static IReadOnlyList<string> Errors(JsonObject manifest) =>
        [.. Flatten(Schema.Value.Validate(manifest.ToJsonString())).Select(e => $"{e.Path}: {e.Kind}")];

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? [e, .. Flatten(child.Errors.SelectMany(pair => pair.Value))]
            : new[] { e });

    [Fact]
    public void The_unified_manifest_is_valid_against_the_published_schema_with_and_without_sign_in()
    {
        var local = UnifiedManifestRenderer.Render(Xml(null), TheirHost);
        var signedIn = UnifiedManifestRenderer.Render(Xml(new ManifestSignIn(ClientId, $"api://their-host.example/{ClientId}")), TheirHost);

        Assert.True(Errors(local).Count == 0, string.Join("\n", Errors(local)));
        Assert.True(Errors(signedIn).Count == 0, string.Join("\n", Errors(signedIn)));
        Assert.Null(local["webApplicationInfo"]);
        Assert.Equal(ClientId, (string?)signedIn["webApplicationInfo"]!["id"]);
    }

    [Fact]
    public void The_schema_check_fails_a_broken_manifest()
    {
        var broken = UnifiedManifestRenderer.Render(Xml(null), TheirHost);
        broken.Remove("developer");
        broken["extensions"]![0]!["ribbons"]![0]!["contexts"] = new JsonArray("notAContext");
        broken["extensions"]![0]!["ribbons"]![1]!["tabs"]![0]!["groups"]![0]!["controls"]![0]!["type"] = "slider";

        var errors = Errors(broken);
        Assert.Contains(errors, e => e.Contains("developer", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(errors, e => e.Contains("contexts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("controls", StringComparison.Ordinal));
    }

    [Fact]
    public void It_says_what_the_xml_manifest_says()
    {
        var xml = Xml(null);
        var manifest = UnifiedManifestRenderer.Render(xml, TheirHost);
        XNamespace app = "http://schemas.microsoft.com/office/appforoffice/1.1";

        Assert.Equal(xml.Root!.Element(app + "Id")!.Value, (string?)manifest["id"]);
        var extension = manifest["extensions"]![0]!;
        var contexts = extension["ribbons"]!.AsArray().Select(r => (string?)r!["contexts"]![0]).ToList();
        Assert.Equal(["mailRead", "mailCompose", "meetingDetailsOrganizer", "meetingDetailsAttendee"], contexts);
        var organizer = extension["ribbons"]![2]!["tabs"]![0]!["groups"]![0]!["controls"]![0]!;
        Assert.Equal("Interviews.AppointmentOrganizer.OpenPane", (string?)organizer["id"]);
        Assert.StartsWith("Add the agenda and attach your question list", (string?)organizer["supertip"]!["description"], StringComparison.Ordinal);
        Assert.Equal("https://their-host.example/interviews/index.html", (string?)extension["runtimes"]![0]!["code"]!["page"]);

        var sendCheck = extension["runtimes"]!.AsArray().Single(r => (string?)r!["id"] == "SendCheckRuntime")!;
        Assert.Equal("https://their-host.example/interviews/launchevent.js", (string?)sendCheck["code"]!["script"]);
        var send = extension["autoRunEvents"]![0]!["events"]![0]!;
        Assert.Equal("appointmentSend", (string?)send["type"]);
        Assert.Equal("onAppointmentSendHandler", (string?)send["actionId"]);
        Assert.Equal("softBlock", (string?)send["options"]!["sendMode"]);
        Assert.Equal(["their-host.example"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public async Task The_host_serves_the_manifest_and_the_app_package_with_its_icons()
    {
        using var host = new AddinFactory();
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost:3000") });

        using var json = await client.GetAsync("/manifest.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var served = JsonNode.Parse(await json.Content.ReadAsStringAsync())!.AsObject();
        Assert.Empty(Errors(served));

        using var zip = await client.GetAsync("/manifest.zip");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        byte[] Read(string name)
        {
            using var stream = archive.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        Assert.Equal((192, 192), PngSize.Read(Read("color.png")));
        Assert.Equal((32, 32), PngSize.Read(Read("outline.png")));
        var packaged = JsonNode.Parse(Read("manifest.json"))!.AsObject();
        Assert.Equal((string?)served["id"], (string?)packaged["id"]);
        Assert.Equal("color.png", (string?)packaged["icons"]!["color"]);
    }
}
