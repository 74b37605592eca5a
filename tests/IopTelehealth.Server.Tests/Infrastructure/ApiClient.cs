using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using IopTelehealth.Server.Seeding;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>
/// Intent methods for the clinic API: <c>await server.ApiAsAsync(DemoAccounts.Admin)</c> is an HTTP client carrying a real
/// bearer token of that user. Tokens are cached per server and user: signing in through the whole code + PKCE flow for every
/// test would dominate the run time, and what these tests examine is the API, not the sign-in.
/// </summary>
public static class ApiClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly ConditionalWeakTable<IopServer, ConcurrentDictionary<string, Lazy<Task<string>>>> Tokens = [];

    public static async Task<HttpClient> ApiAsAsync(this IopServer server, string email, string password = DemoAccounts.Password,
        string? totpSecret = DemoAccounts.TotpSecret)
    {
        var cache = Tokens.GetOrCreateValue(server);
        var token = await cache.GetOrAdd(email, _ => new Lazy<Task<string>>(() => SignInAsync(server, email, password, totpSecret))).Value;
        return server.ApiWithToken(token);
    }

    public static HttpClient ApiWithToken(this IopServer server, string? accessToken)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<T>(body, Json)
            ?? throw new InvalidOperationException($"Expected a {typeof(T).Name} in a {(int)response.StatusCode} response: {body}");
    }

    public static async Task<Problem> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadAsync<Problem>();
    }

    public static Task<HttpResponseMessage> ApiPostAsync<T>(this HttpClient http, string url, T body) =>
        http.PostAsJsonAsync(url, body, Json, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> ApiPutAsync<T>(this HttpClient http, string url, T body) =>
        http.PutAsJsonAsync(url, body, Json, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> ApiGetAsync(this HttpClient http, string url) => http.GetAsync(url, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> ApiDeleteAsync(this HttpClient http, string url) => http.DeleteAsync(url, TestContext.Current.CancellationToken);

    /// <summary>POST that must succeed with 201; returns the created record.</summary>
    public static async Task<T> CreateAsync<T>(this HttpClient http, string url, object body)
    {
        using var response = await http.ApiPostAsync(url, body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    private static async Task<string> SignInAsync(IopServer server, string email, string password, string? totpSecret)
    {
        using var tokens = server.NewTokenClient();
        var response = await tokens.SignInAsync(email, password, totpSecret);
        return response.AccessToken ?? throw new InvalidOperationException($"No access token for the test user: {response.Error} {response.ErrorDescription}");
    }
}

/// <summary>An RFC 9457 problem as the API writes it.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);
