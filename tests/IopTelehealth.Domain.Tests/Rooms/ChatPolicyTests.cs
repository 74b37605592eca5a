using IopTelehealth.Domain.Rooms;
using static IopTelehealth.Domain.Tests.Rooms.RoomFixture;

namespace IopTelehealth.Domain.Tests.Rooms;

public sealed class ChatPolicyTests
{
    [Fact]
    public void Group_messages_are_visible_to_everyone_and_private_ones_to_sender_addressee_and_moderators()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var a = state.AdmittedPatient(therapist);
        var b = state.AdmittedPatient(therapist);

        var group = ChatPolicy.Compose(state, a.Id, "  hello all  ", null, Now);
        var toTherapist = ChatPolicy.Compose(state, a.Id, "can we talk?", therapist.Id, Now);

        Assert.Equal("hello all", group.Text);
        Assert.True(group.IsVisibleTo(b));
        Assert.True(toTherapist.Private);
        Assert.True(toTherapist.IsVisibleTo(a) && toTherapist.IsVisibleTo(therapist));
        Assert.False(toTherapist.IsVisibleTo(b));
    }

    [Fact]
    public void Patients_cannot_message_each_other_privately()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var a = state.AdmittedPatient(therapist);
        var b = state.AdmittedPatient(therapist);

        Assert.Equal(RoomErrors.Forbidden, Refused(() => ChatPolicy.Compose(state, a.Id, "psst", b.Id, Now)).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_messages_are_refused(string text) =>
        Assert.Equal(RoomErrors.InvalidArgument, Refused(() => ChatPolicy.Compose(OpenRoom(), ParticipantId.New(), text, null, Now)).Code);

    [Fact]
    public void Messages_over_2000_characters_are_refused()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();

        Assert.Equal(RoomErrors.InvalidArgument, Refused(() => ChatPolicy.Compose(state, therapist.Id, new string('a', 2001), null, Now)).Code);
        Assert.Equal(2000, ChatPolicy.Compose(state, therapist.Id, new string('a', 2000), null, Now).Text.Length);
    }
}
