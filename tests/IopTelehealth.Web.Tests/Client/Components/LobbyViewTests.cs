using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class LobbyViewTests : WebTestContext
{
    private readonly FakeRoomConnection _room = new() { Admission = "lobby" };

    [Fact]
    public void Tells_the_patient_to_wait_for_the_therapist_in_a_live_region()
    {
        var cut = Render<LobbyView>(p => p.Add(c => c.Room, _room));

        cut.Find(".lobby-status").MarkupMatches(
            """<p class="lobby-status" role="status" aria-live="polite">Waiting for the therapist to admit you. Please keep this page open.</p>""");
        Assert.Equal("I need help", cut.Find("button.help-button").TextContent);
    }

    [Fact]
    public void Says_when_the_room_is_locked()
    {
        _room.Room = TestRooms.Info(locked: true);

        var cut = Render<LobbyView>(p => p.Add(c => c.Room, _room));

        Assert.Contains("locked the room", cut.Find(".notice").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaving_the_waiting_room_leaves_the_session()
    {
        var cut = Render<LobbyView>(p => p.Add(c => c.Room, _room));

        cut.FindAll("button").Single(b => b.TextContent == "Leave the waiting room").Click();

        Assert.Equal(["LeaveSession()"], _room.Calls);
    }
}
