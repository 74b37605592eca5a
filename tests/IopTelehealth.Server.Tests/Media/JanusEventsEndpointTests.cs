using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Server.Media;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>
/// The endpoint Janus's sample event handler posts to. Janus itself is not needed here: the node is configured (so the
/// endpoint is mapped) but never contacted; the posts have the shapes sampleevh sends.
/// </summary>
public sealed class JanusEventsEndpointTests : IAsyncLifetime
{
    private const string Secret = "janus-events-secret-0123456789";

    private IopServer _server = null!;
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _server = new IopServer(new Dictionary<string, string?>
        {
            ["Media:Janus:Nodes:0:Name"] = "janus-1",
            ["Media:Janus:Nodes:0:Url"] = "ws://127.0.0.1:9/",
            ["Media:Janus:Nodes:0:ApiSecret"] = "api-secret",
            ["Media:Janus:Nodes:0:AdminKey"] = "admin-key",
            ["Media:Janus:EventsSecret"] = Secret,
        });
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Webrtcup_media_and_detach_of_a_known_handle_are_recorded_as_the_participant_media_state()
    {
        var (session, participant) = (new SessionId(Guid.NewGuid()), ParticipantId.New());
        await _server.Services.GetRequiredService<IMediaHandleDirectory>().AddAsync(4242, new MediaHandleOwner(session, participant, MediaLeg.Publisher), TestContext.Current.CancellationToken);
        var board = _server.Services.GetRequiredService<MediaStateBoard>();

        var up = await PostAsync("""[{"type":16,"timestamp":1,"session_id":1,"handle_id":4242,"event":{"connection":"webrtcup"}}]""", Secret);
        var upState = board.Latest(session, participant, MediaLeg.Publisher)?.Kind;
        var media = await PostAsync("""[{"type":32,"session_id":1,"handle_id":4242,"event":{"mid":"0","media":"audio","receiving":false}}]""", Secret);
        var mediaState = board.Latest(session, participant, MediaLeg.Publisher)?.Kind;
        var down = await PostAsync("""{"type":2,"session_id":1,"handle_id":4242,"event":{"name":"detached","plugin":"janus.plugin.videoroom"}}""", Secret);

        Assert.Equal(HttpStatusCode.NoContent, up.StatusCode);
        Assert.Equal(MediaEventKind.Up, upState);
        Assert.Equal(HttpStatusCode.NoContent, media.StatusCode);
        Assert.Equal(MediaEventKind.Stalled, mediaState);
        Assert.Equal(HttpStatusCode.NoContent, down.StatusCode);
        Assert.Equal(MediaEventKind.Down, board.Latest(session, participant, MediaLeg.Publisher)?.Kind);
    }

    [Fact]
    public async Task Events_of_unknown_handles_and_other_types_are_accepted_and_ignored()
    {
        var response = await PostAsync("""[{"type":1,"session_id":1,"event":{"name":"created"}},{"type":16,"session_id":1,"handle_id":99,"event":{"connection":"webrtcup"}},{"type":256,"event":{"status":"started"}}]""", Secret);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("")]
    public async Task A_post_without_the_shared_secret_is_unauthorized_and_changes_nothing(string? secret)
    {
        var (session, participant) = (new SessionId(Guid.NewGuid()), ParticipantId.New());
        await _server.Services.GetRequiredService<IMediaHandleDirectory>().AddAsync(5151, new MediaHandleOwner(session, participant, MediaLeg.Subscriber), TestContext.Current.CancellationToken);

        var response = await PostAsync("""[{"type":16,"handle_id":5151,"event":{"connection":"webrtcup"}}]""", secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(_server.Services.GetRequiredService<MediaStateBoard>().Latest(session, participant, MediaLeg.Subscriber));
    }

    [Fact]
    public async Task Another_user_name_with_the_right_password_is_unauthorized()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, JanusEventsEndpoint.Path) { Content = new StringContent("[]", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + Secret)));

        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    [InlineData("""[{"no":"type"}]""")]
    [InlineData("""[1,2,3]""")]
    public async Task A_malformed_post_is_a_bad_request(string body)
    {
        var response = await PostAsync(body, Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_post_is_refused()
    {
        var body = "[" + string.Join(',', Enumerable.Repeat("""{"type":1,"event":{"name":"created"}}""", 40_000)) + "]";

        var response = await PostAsync(body, Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, JanusEventsEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(JanusEventsEndpoint.User + ":" + secret)));
        }

        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
