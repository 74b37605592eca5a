using IopTelehealth.Domain.Clinics;

namespace IopTelehealth.Domain.Tests;

public class TherapyGroupTests
{
    [Fact]
    public void Capacity_up_to_the_program_maximum_is_accepted()
    {
        Assert.Equal(12, Create(capacity: 12, programMax: 12).Capacity);
    }

    [Theory]
    [InlineData(13, 12)]
    [InlineData(9, 8)]
    [InlineData(0, 12)]
    public void Capacity_outside_one_to_the_program_maximum_is_rejected(int capacity, int programMax)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Create(capacity, programMax));

        Assert.Equal("Capacity", ex.Field);
    }

    [Fact]
    public void A_program_that_shrinks_caps_capacity_changes()
    {
        var group = Create(capacity: 12, programMax: 12);

        Assert.Throws<DomainRuleException>(() => group.ChangeCapacity(10, programMaxGroupSize: 8));
        Assert.Equal(12, group.Capacity);

        group.ChangeCapacity(8, programMaxGroupSize: 8);
        Assert.Equal(8, group.Capacity);
    }

    [Fact]
    public void Assigning_therapists_replaces_the_set_without_duplicates()
    {
        var group = Create(capacity: 10, programMax: 12);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();

        group.AssignTherapists([a, b, b]);
        Assert.Equal(2, group.Therapists.Count);

        group.AssignTherapists([b, c]);
        Assert.False(group.IsLedBy(a));
        Assert.True(group.IsLedBy(b));
        Assert.True(group.IsLedBy(c));
        Assert.Equal(2, group.Therapists.Count);
        Assert.All(group.Therapists, t => Assert.Equal(group.Id, t.GroupId));
    }

    private static TherapyGroup Create(int capacity, int programMax) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Tuesday evening", capacity, programMax);
}
