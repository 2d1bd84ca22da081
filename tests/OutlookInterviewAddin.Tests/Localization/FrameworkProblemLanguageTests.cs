using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OutlookInterviewAddin.Localization;
using OutlookInterviewAddin.Tests.Builders;
using OutlookInterviewAddin.Tests.Infrastructure;
using OutlookInterviewAddin.Validation;

namespace OutlookInterviewAddin.Tests.Localization;

/// <summary>The problems the framework writes itself (no token, an unknown address, a wrong method) speak the request's language too.</summary>
public sealed class FrameworkProblemLanguageTests(AddinFactory factory) : IClassFixture<AddinFactory>
{
    private async Task<JsonElement> ProblemAsync(HttpMethod method, string path, string? language, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        return await response.ProblemAsync(expected);
    }

    [Theory]
    [InlineData("/api/me", HttpStatusCode.Unauthorized, null, "Not signed in", "This request needs a valid sign-in, and it had none or an expired one. Sign in again.")]
    [InlineData("/api/me", HttpStatusCode.Unauthorized, "fr-CA", "Non connecté", "Cette requête demande une connexion valide, et elle n'en avait pas ou une connexion expirée. Reconnectez-vous.")]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound, null, "Not found", "There is nothing at this address.")]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound, "fr", "Introuvable", "Il n'y a rien à cette adresse.")]
    public async Task No_token_and_an_unknown_address_are_answered_in_the_request_language(string path, HttpStatusCode status, string? language, string title, string detail)
    {
        var problem = await ProblemAsync(HttpMethod.Get, path, language, status);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(null, "Not possible at this address")]
    [InlineData("fr-FR", "Impossible à cette adresse")]
    public async Task A_method_an_address_does_not_take_is_a_405_in_the_request_language(string? language, string title)
    {
        var problem = await ProblemAsync(HttpMethod.Delete, "/auth/config", language, HttpStatusCode.MethodNotAllowed);

        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public void Every_framework_status_has_its_own_french_title_and_detail_and_the_products_own_problems_are_left_alone()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var status in FrameworkProblems.Statuses)
            {
                CultureInfo.CurrentUICulture = RequestLanguages.English;
                var english = Framework(status);
                CultureInfo.CurrentUICulture = RequestLanguages.French;
                var french = Framework(status);
                Assert.NotEqual(english.Title, french.Title);
                Assert.NotEqual(english.Detail, french.Detail);
                Assert.NotNull(french.Detail);
            }

            var own = new ProblemDetails { Status = 404, Title = "Introuvable", Detail = "Aucune personne avec cet identifiant." };
            FrameworkProblems.Localize(own);
            Assert.Equal("Aucune personne avec cet identifiant.", own.Detail);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    // What the framework writes before the service sees it: its default title for the status.
    private static ProblemDetails Framework(int status)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == 500 ? "An error occurred while processing your request." : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
        };
        FrameworkProblems.Localize(problem);
        return problem;
    }
}
