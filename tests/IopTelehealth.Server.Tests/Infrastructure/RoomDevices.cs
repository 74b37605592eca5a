using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using IopTelehealth.Server.Seeding;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>The room device's side of the device authorization flow (RFC 8628) and the approver's side, over real HTTP.</summary>
public static class RoomDevices
{
    public const string ClientId = "iop-room-device";
    public const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

    public static async Task<DeviceAuthorization> RequestDeviceCodeAsync(this IopServer server, string clientId = ClientId)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = clientId, ["scope"] = "iop_api offline_access" });
        using var response = await http.PostAsync("/connect/device", content);
        var body = await response.Content.ReadFromJsonAsync<DeviceAuthorization>() ?? new DeviceAuthorization();
        return body with { Status = response.StatusCode };
    }

    /// <summary>One poll of the token endpoint with the device code.</summary>
    public static async Task<TokenResponse> PollAsync(this IopServer server, string deviceCode)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = DeviceGrant, ["device_code"] = deviceCode, ["client_id"] = ClientId });
        using var response = await http.PostAsync("/connect/token", content);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>() ?? new TokenResponse();
        return body with { Status = response.StatusCode };
    }

    /// <summary>Polls at <paramref name="interval"/> (as RFC 8628 asks) until the answer is no longer authorization_pending.</summary>
    public static async Task<TokenResponse> PollUntilDecidedAsync(this IopServer server, string deviceCode, TimeSpan interval, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var answer = await server.PollAsync(deviceCode);
            if (answer.Error is not ("authorization_pending" or "slow_down"))
            {
                return answer;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The device code was still {answer.Error} at the deadline.");
            await Task.Delay(interval + TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>A staff member's browser, signed in with the second factor, opens the verification page for <paramref name="userCode"/>.</summary>
    public static async Task<(BrowserSession Browser, Page Page)> OpenVerificationAsync(this IopServer server, string userCode, string email = DemoAccounts.Staff,
        string totpSecret = DemoAccounts.TotpSecret)
    {
        var browser = server.NewBrowser();
        await browser.SignInAsync(email, DemoAccounts.Password, totpSecret);
        var page = await browser.GetAsync($"/connect/verify?user_code={Uri.EscapeDataString(userCode)}");
        return (browser, page);
    }

    public static Task<Page> DecideAsync(this BrowserSession browser, Page verification, string decision, Guid groupId, string label = "Room 2 PC") =>
        browser.SubmitAsync(HtmlForm.Posting(verification.Html, "connect/verify").With("decision", decision).With("group", groupId.ToString()).With("label", label));

    /// <summary>The whole flow: code, approval by staff for <paramref name="groupId"/>, tokens.</summary>
    public static async Task<TokenResponse> SignInRoomDeviceAsync(this IopServer server, Guid groupId, TimeSpan pollInterval)
    {
        var device = await server.RequestDeviceCodeAsync();
        var (browser, page) = await server.OpenVerificationAsync(device.UserCode!);
        using (browser)
        {
            var decided = await browser.DecideAsync(page, "approve", groupId);
            Assert.Contains("Approved", decided.Html, StringComparison.Ordinal);
        }

        var tokens = await server.PollUntilDecidedAsync(device.DeviceCode!, pollInterval);
        Assert.True(tokens.AccessToken is not null, $"No device token: {tokens.Error} {tokens.ErrorDescription}");
        return tokens;
    }
}

public sealed record DeviceAuthorization
{
    [JsonPropertyName("device_code")] public string? DeviceCode { get; init; }

    [JsonPropertyName("user_code")] public string? UserCode { get; init; }

    [JsonPropertyName("verification_uri")] public string? VerificationUri { get; init; }

    [JsonPropertyName("verification_uri_complete")] public string? VerificationUriComplete { get; init; }

    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; init; }

    [JsonPropertyName("interval")] public int? Interval { get; init; }

    [JsonPropertyName("error")] public string? Error { get; init; }

    [JsonIgnore] public HttpStatusCode Status { get; init; }
}
