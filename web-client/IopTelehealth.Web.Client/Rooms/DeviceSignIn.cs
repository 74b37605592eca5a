using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace IopTelehealth.Web.Client.Rooms;

/// <summary>
/// The room device's side of the OAuth device authorization flow (RFC 8628) against our own server: ask for a code, poll at
/// the announced interval (5 s more after each slow_down), refresh before the access token runs out. Tokens live in this
/// page's memory only: a reload pairs the device again, so nothing on the clinic PC outlives the page.
/// </summary>
public sealed class DeviceSignIn(HttpClient http)
{
    public const string ClientId = "iop-room-device";
    public const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

    public string? AccessToken { get; private set; }

    public string? RefreshToken { get; private set; }

    public DateTimeOffset AccessTokenExpires { get; private set; }

    public async Task<DevicePairingCode> RequestCodeAsync(CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = ClientId, ["scope"] = "iop_api offline_access" });
        using var response = await http.PostAsync("connect/device", content, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<DevicePairingCode>(cancellationToken) ?? throw new InvalidOperationException("No device code.");
    }

    /// <summary>Polls until staff decide. Returns null when the code was denied or expired (the caller starts again).</summary>
    public async Task<string?> WaitForApprovalAsync(DevicePairingCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var interval = TimeSpan.FromSeconds(Math.Max(code.Interval ?? 5, 1));
        while (true)
        {
            await Task.Delay(interval, cancellationToken);
            var answer = await TokenAsync(new Dictionary<string, string> { ["grant_type"] = DeviceGrant, ["device_code"] = code.DeviceCode, ["client_id"] = ClientId },
                cancellationToken);
            switch (answer.Error)
            {
                case null:
                    Keep(answer);
                    return AccessToken;
                case "authorization_pending":
                    break;
                case "slow_down":
                    interval += TimeSpan.FromSeconds(5);
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>Refreshes when less than a minute is left; false when the device was revoked (pair again).</summary>
    public async Task<bool> KeepFreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (AccessToken is not null && AccessTokenExpires - now > TimeSpan.FromMinutes(1))
        {
            return true;
        }

        if (RefreshToken is null)
        {
            return false;
        }

        var answer = await TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = RefreshToken, ["client_id"] = ClientId },
            cancellationToken);
        if (answer.Error is not null)
        {
            AccessToken = RefreshToken = null;
            return false;
        }

        Keep(answer);
        return true;
    }

    private void Keep(TokenAnswer answer)
    {
        AccessToken = answer.AccessToken;
        RefreshToken = answer.RefreshToken ?? RefreshToken;
        AccessTokenExpires = DateTimeOffset.UtcNow.AddSeconds(answer.ExpiresIn ?? 300);
    }

    private async Task<TokenAnswer> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync("connect/token", content, cancellationToken);
        return await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken) ?? new TokenAnswer(null, null, null, "invalid_response");
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error);
}

public sealed record DevicePairingCode(
    [property: JsonPropertyName("device_code")] string DeviceCode,
    [property: JsonPropertyName("user_code")] string UserCode,
    [property: JsonPropertyName("verification_uri")] string VerificationUri,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    [property: JsonPropertyName("interval")] int? Interval);
