using Bunit;
using IopTelehealth.Web.Client.Pages;
using IopTelehealth.Web.Client.Rooms;
using IopTelehealth.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Web.Tests.Client.Pages;

public sealed class JoinSessionTests : WebTestContext
{
    private readonly FakeRoomConnection _room = new();

    private readonly BunitJSModuleInterop _media;

    public JoinSessionTests()
    {
        Services.AddSingleton<IRoomConnection>(_room);
        _media = JSInterop.SetUpMedia();
    }

    private IRenderedComponent<JoinSession> RenderPage() => Render<JoinSession>(p => p.Add(c => c.SessionId, TestRooms.SessionId));

    private static string Stage(IRenderedComponent<JoinSession> cut) => cut.Find(".room-page").GetAttribute("data-stage")!;

    private static void FillAttestation(IRenderedComponent<JoinSession> cut)
    {
        cut.Find("#location").Change("Home");
        cut.Find("#state").Change("IL");
        cut.Find("#private-space").Change(true);
    }

    [Fact]
    public void Connects_then_prepares_the_join_and_shows_the_form()
    {
        var cut = RenderPage();

        Assert.Equal(["StartAsync()", $"PrepareJoin({TestRooms.SessionId})"], _room.Calls);
        Assert.Equal("prejoin", Stage(cut));
    }

    [Fact]
    public void A_patient_joins_into_the_lobby()
    {
        var cut = RenderPage();
        FillAttestation(cut);

        cut.Find("form").Submit();

        Assert.Equal("lobby", Stage(cut));
        Assert.Equal("IL", _room.Attestation!.State);
        Assert.Equal("Waiting room", cut.Find("h1").TextContent);
    }

    [Fact]
    public void Admission_from_a_hub_event_shows_the_room()
    {
        var cut = RenderPage();
        FillAttestation(cut);
        cut.Find("form").Submit();

        _room.Admission = "admitted";
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.SelfId, "Oak")];
        _room.RaiseChanged();

        cut.WaitForAssertion(() => Assert.Equal("room", Stage(cut)));
        Assert.Empty(cut.FindAll(".moderation"));
    }

    [Fact]
    public void Admission_from_the_lobby_starts_media_at_once_and_the_video_grid_attaches_to_that_start()
    {
        var cut = RenderPage();
        FillAttestation(cut);
        cut.Find("form").Submit();
        Assert.Equal("lobby", Stage(cut));
        Assert.Empty(_media.Invocations["join"]);

        _room.Admission = "admitted";
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.SelfId, "Oak")];
        _room.RaiseChanged();

        cut.WaitForAssertion(() => Assert.Single(_media.Invocations["attach"]));
        // One start, from the admission, before the room screen's video area was handed over.
        Assert.Single(_media.Invocations["join"]);
        Assert.True(_media.Calls().IndexOf("join") < _media.Calls().IndexOf("attach"));
        Assert.Equal(TestRooms.SelfId, cut.Find("#video-area").GetAttribute("data-self-id"));
    }

    [Fact]
    public void A_therapist_joins_straight_into_the_room_with_the_moderation_panel()
    {
        _room.PreJoin = TestRooms.TherapistPreJoin();
        _room.JoinAdmission = "admitted";
        _room.SelfId = TestRooms.TherapistId;
        var cut = RenderPage();

        cut.Find("button").Click();

        Assert.Null(_room.Attestation);
        Assert.Equal("room", Stage(cut));
        Assert.Single(cut.FindAll(".moderation"));
    }

    [Fact]
    public void A_consent_refusal_stays_on_the_form_with_the_reason()
    {
        _room.Refuse("JoinSession", "consent-required");
        var cut = RenderPage();
        FillAttestation(cut);

        cut.Find("form").Submit();

        Assert.Equal("prejoin", Stage(cut));
        Assert.Equal("Please read and accept the telehealth consent before joining.", cut.Find("[role=alert]").TextContent);
    }

    [Theory]
    [InlineData("not-enrolled", "You are not enrolled in this session's group.")]
    [InlineData("session-not-found", "We could not find this session.")]
    [InlineData("room-ended", "This session has ended.")]
    [InlineData("banned", "You were removed from this session and cannot rejoin it.")]
    public void A_session_that_cannot_be_joined_says_why_without_a_retry(string code, string text)
    {
        _room.Refuse("PrepareJoin", code);

        var cut = RenderPage();

        Assert.Equal("problem", Stage(cut));
        Assert.StartsWith(text, cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void A_room_not_open_yet_can_be_retried()
    {
        _room.Refuse("PrepareJoin", "room-not-open");
        var cut = RenderPage();
        Assert.StartsWith("The room is not open yet.", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);

        cut.Find("button").Click();

        Assert.Equal(2, _room.Calls.Count(c => c.StartsWith("PrepareJoin", StringComparison.Ordinal)));
    }

    [Fact]
    public void No_connection_is_said_in_plain_words_with_a_retry()
    {
        _room.Drop("StartAsync");

        var cut = RenderPage();

        Assert.Equal("No connection", cut.Find("h1").TextContent);
        Assert.Equal("Try again", cut.Find("button").TextContent);
    }

    [Fact]
    public void Removal_from_the_room_shows_the_notice()
    {
        _room.PreJoin = TestRooms.TherapistPreJoin();
        var cut = RenderPage();

        _room.Admission = "left";
        _room.Removed = true;
        _room.RaiseChanged();

        cut.WaitForAssertion(() => Assert.Equal("You were removed from the session", cut.Find("h1").TextContent));
    }

    [Fact]
    public void A_patient_checked_in_at_the_clinic_is_told_so_and_not_offered_to_join_remotely_again()
    {
        _room.JoinAdmission = "admitted";
        _room.SelfId = TestRooms.RiverId;
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.RiverId, "River")];
        var cut = RenderPage();
        FillAttestation(cut);
        cut.Find("form").Submit();
        Assert.Equal("room", Stage(cut));

        _room.Admission = "left";
        _room.CheckedInAtClinic = true;
        _room.RaiseChanged();

        cut.WaitForAssertion(() => Assert.Equal("gone", Stage(cut)));
        Assert.Equal("You're checked in at the clinic", cut.Find("h1").TextContent);
        var reason = cut.Find(".gone-reason").TextContent;
        Assert.Contains("left the online room", reason, StringComparison.Ordinal);
        Assert.Contains("attendance continues in person", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("another window or device", reason, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("a.button"));
        Assert.DoesNotContain(cut.FindAll("a"), a => a.GetAttribute("href")!.EndsWith("/join", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leaving_the_page_closes_the_connection()
    {
        RenderPage();

        await DisposeComponentsAsync();

        Assert.True(_room.Disposed);
    }

    [Fact]
    public void The_pre_join_form_previews_the_camera_and_the_room_starts_media_then_removal_stops_it()
    {
        _room.PreJoin = TestRooms.TherapistPreJoin();
        _room.JoinAdmission = "admitted";
        _room.SelfId = TestRooms.TherapistId;
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.RiverId, "River")];
        var cut = RenderPage();
        Assert.Single(_media.Invocations["startPreview"]);

        cut.Find("button").Click();

        cut.WaitForAssertion(() => Assert.Single(_media.Invocations["join"]));
        Assert.True(_media.Calls().IndexOf("stopPreview") < _media.Calls().IndexOf("join"));
        Assert.Single(_media.Invocations["attach"]);

        _room.Admission = "left";
        _room.Removed = true;
        _room.RaiseChanged();

        cut.WaitForAssertion(() => Assert.Single(_media.Invocations["leave"]));
    }
}
