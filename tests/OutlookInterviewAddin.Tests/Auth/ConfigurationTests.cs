using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Tests.Infrastructure;

namespace OutlookInterviewAddin.Tests.Auth;

public sealed class ConfigurationTests
{
    [Fact]
    public void Half_filled_Entra_settings_fail_at_start_naming_what_to_set()
    {
        using var factory = new AddinFactory { Settings = { ["AzureAd:TenantId"] = "organizations" } };

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("AzureAd:ClientId is missing", error.Message);
    }

    [Fact]
    public void A_client_id_that_is_not_a_guid_fails_at_start()
    {
        using var factory = new AddinFactory
        {
            Settings =
            {
                ["AzureAd:TenantId"] = Guid.NewGuid().ToString(),
                ["AzureAd:ClientId"] = "my-app",
            },
        };

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("AzureAd:ClientId 'my-app' is not a GUID", error.Message);
    }

    [Fact]
    public void A_plain_http_authority_that_is_not_loopback_fails_at_start()
    {
        using var factory = new AddinFactory
        {
            Settings =
            {
                ["AzureAd:Instance"] = "http://login.example.com/",
                ["AzureAd:TenantId"] = Guid.NewGuid().ToString(),
                ["AzureAd:ClientId"] = Guid.NewGuid().ToString(),
            },
        };

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("must use https", error.Message);
    }
}
