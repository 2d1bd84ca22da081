using System.Text.Json;
using Microsoft.Playwright;

namespace OutlookInterviewAddin.BrowserTests.Outlook;

/// <summary>Sets up data through the host's API as the local user, from the page's own origin.</summary>
internal static class LocalApi
{
    /// <param name="expectOk">False to read a refusal: then the call must fail, and its problem body is answered.</param>
    public static async Task<string> CallAsync(IPage page, string method, string path, object? body = null, bool expectOk = true)
    {
        var token = JsonDocument.Parse(await (await page.APIRequest.PostAsync("/auth/local/token")).TextAsync()).RootElement.GetProperty("accessToken").GetString();
        var response = await page.APIRequest.FetchAsync(path, new APIRequestContextOptions
        {
            Method = method,
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
            DataObject = body,
        });
        Assert.True(response.Ok == expectOk, $"{method} {path}: {response.Status} {await response.TextAsync()}");
        return await response.TextAsync();
    }

    public static async Task<string> IdOfAsync(IPage page, string method, string path, object body) =>
        JsonDocument.Parse(await CallAsync(page, method, path, body)).RootElement.GetProperty("id").GetString()!;
}
