using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Auth;

namespace OutlookInterviewAddin.Tests.Auth;

/// <summary>
/// Misconfiguration must stop the host at start with a message naming the setting. These run the
/// start-up validation the host runs (IStartupValidator) on the host's own service registrations,
/// without starting a server, so a failing start cannot hide behind a disposal race.
/// </summary>
public sealed class ConfigurationTests
{
    private static OptionsValidationException StartFails(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddAddinAuthentication();
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void Half_filled_Entra_settings_fail_at_start_naming_what_to_set()
    {
        var error = StartFails(new() { ["AzureAd:TenantId"] = "organizations" });

        Assert.Contains("Microsoft 365 mode is half configured", error.Message);
        Assert.Contains("AzureAd:ClientId is missing", error.Message);
    }

    [Fact]
    public void A_client_id_alone_fails_at_start_naming_the_tenant_setting()
    {
        var error = StartFails(new() { ["AzureAd:ClientId"] = Guid.NewGuid().ToString() });

        Assert.Contains("AzureAd:TenantId is missing", error.Message);
    }

    [Fact]
    public void A_client_id_that_is_not_a_guid_fails_at_start()
    {
        var error = StartFails(new() { ["AzureAd:TenantId"] = Guid.NewGuid().ToString(), ["AzureAd:ClientId"] = "my-app" });

        Assert.Contains("AzureAd:ClientId 'my-app' is not a GUID", error.Message);
    }

    [Fact]
    public void A_plain_http_authority_that_is_not_loopback_fails_at_start()
    {
        var error = StartFails(new()
        {
            ["AzureAd:Instance"] = "http://login.example.com/",
            ["AzureAd:TenantId"] = Guid.NewGuid().ToString(),
            ["AzureAd:ClientId"] = Guid.NewGuid().ToString(),
        });

        Assert.Contains("must use https", error.Message);
    }

    [Fact]
    public void A_registration_without_its_client_secret_fails_at_start_naming_the_secret()
    {
        var error = StartFails(new() { ["AzureAd:TenantId"] = Guid.NewGuid().ToString(), ["AzureAd:ClientId"] = Guid.NewGuid().ToString() });

        Assert.Contains("AzureAd:ClientSecret is missing", error.Message);
        Assert.Contains("dotnet user-secrets set AzureAd:ClientSecret", error.Message);
    }

    [Fact]
    public void No_Entra_settings_at_all_is_local_mode_and_starts()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddAddinAuthentication();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.True(provider.GetRequiredService<AddinMode>().IsLocal);
    }
}
