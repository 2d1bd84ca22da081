using OutlookInterviewAddin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OutlookInterviewAddin.BrowserTests.Shell;

/// <summary>A host in Microsoft 365 mode: the pane cannot sign in yet and says so plainly.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly PaneFixture fixture = new();

    public SignInTests(ITestOutputHelper output) => fixture.Sink.Output = output;

    public Task InitializeAsync() => fixture.InitializeAsync(host =>
    {
        host.Settings["AzureAd:TenantId"] = "organizations";
        host.Settings["AzureAd:ClientId"] = "00000000-0000-4000-8000-0000000000c1";
        host.Settings["AzureAd:ClientSecret"] = "test-client-secret";
    });

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task In_Microsoft_365_mode_the_pane_explains_that_it_cannot_sign_in_yet()
    {
        await using var pane = await PanePage.OpenAsync(fixture, OfficeStub.In(OfficeSurface.MessageRead));

        await Expect(pane.Heading).ToHaveTextAsync("Cannot sign in here");
        await Expect(pane.Error).ToContainTextAsync("Microsoft 365");
        await Expect(pane.SignedInUser).ToBeEmptyAsync();
    }
}
