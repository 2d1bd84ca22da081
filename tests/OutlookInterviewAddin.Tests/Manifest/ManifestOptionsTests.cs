using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutlookInterviewAddin.Manifest;

namespace OutlookInterviewAddin.Tests.Manifest;

public sealed class ManifestOptionsTests
{
    private static IOptions<ManifestOptions> Bind(string? publicBaseUrl)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Manifest:PublicBaseUrl"] = publicBaseUrl })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddManifest();
        return services.BuildServiceProvider().GetRequiredService<IOptions<ManifestOptions>>();
    }

    [Theory]
    [InlineData("http://their-host.example", "must use https")]
    [InlineData("their-host.example", "is not an absolute URL")]
    [InlineData("https://their-host.example/?tenant=1", "without query")]
    public void A_public_base_url_Outlook_cannot_use_is_refused_naming_the_setting(string publicBaseUrl, string expected)
    {
        var options = Bind(publicBaseUrl);

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Contains("Manifest:PublicBaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://their-host.example", "https://their-host.example/")]
    [InlineData("https://their-host.example/interviews/", "https://their-host.example/interviews")]
    [InlineData(null, null)]
    public void A_usable_public_base_url_is_taken_without_its_trailing_slash(string? publicBaseUrl, string? expected)
    {
        Assert.Equal(expected, Bind(publicBaseUrl).Value.ConfiguredBaseUrl?.ToString());
    }
}
