namespace MetricSets.Tests;

public class MetricSetTests
{
    private static MetricSet NewSet() => MetricSet.Create(MetricOwner.ForOrganization(OrganizationId.New()), "Strength benchmarks");

    private static MetricDefinitionId[] NewIds(int count) => [.. Enumerable.Range(0, count).Select(_ => MetricDefinitionId.New())];

    private static MetricSet SetWith(params MetricDefinitionId[] ids)
    {
        var set = NewSet();
        foreach (var id in ids)
        {
            set.Add(id);
        }

        return set;
    }

    private static void AssertSortOrdersAreDense(MetricSet set) =>
        Assert.Equal(Enumerable.Range(0, set.Entries.Count), set.Entries.Select(entry => entry.SortOrder));

    [Fact]
    public void A_new_set_is_empty_and_has_a_new_id()
    {
        var set = NewSet();

        Assert.False(set.Id.IsEmpty);
        Assert.Empty(set.Entries);
        Assert.Empty(set.DefinitionIds);
        Assert.NotEqual(set.Id, NewSet().Id);
    }

    [Fact]
    public void Add_appends_with_sort_orders_0_to_n_minus_1()
    {
        var ids = NewIds(5);
        var set = NewSet();

        var entries = ids.Select(set.Add).ToArray();

        Assert.Equal([0, 1, 2, 3, 4], entries.Select(entry => entry.SortOrder));
        Assert.Equal(ids, set.DefinitionIds);
        Assert.Equal(ids, set.Entries.Select(entry => entry.DefinitionId));
        Assert.All(set.Entries, entry => Assert.Equal(set.Id, entry.SetId));
        AssertSortOrdersAreDense(set);
    }

    [Fact]
    public void Add_keeps_insertion_order_even_when_ids_sort_the_other_way()
    {
        var ids = NewIds(3).OrderDescending().ToArray();

        var set = SetWith(ids);

        Assert.Equal(ids, set.DefinitionIds);
    }

    [Fact]
    public void Adding_an_empty_definition_id_is_rejected_and_changes_nothing()
    {
        var set = MetricSet.Create(MetricOwner.ForOrganization(OrganizationId.New()), "Strength");

        var error = Assert.Throws<MetricValidationException>(() => set.Add(default));

        Assert.Equal("definitionId", error.ParameterName);
        Assert.Empty(set.Entries);
    }

    [Fact]
    public void Adding_a_definition_twice_is_a_conflict_and_changes_nothing()
    {
        var ids = NewIds(2);
        var set = SetWith(ids);

        var exception = Assert.Throws<MetricConflictException>(() => set.Add(ids[0]));

        Assert.Contains(ids[0].ToString(), exception.Message, StringComparison.Ordinal);
        Assert.Equal(ids, set.DefinitionIds);
        AssertSortOrdersAreDense(set);
    }

    [Fact]
    public void Contains_reports_membership()
    {
        var ids = NewIds(2);
        var set = SetWith(ids[0]);

        Assert.True(set.Contains(ids[0]));
        Assert.False(set.Contains(ids[1]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Remove_closes_the_gap(int index)
    {
        var ids = NewIds(4);
        var set = SetWith(ids);

        set.Remove(ids[index]);

        Assert.Equal(ids.Where((_, position) => position != index), set.DefinitionIds);
        Assert.False(set.Contains(ids[index]));
        AssertSortOrdersAreDense(set);
    }

    [Fact]
    public void Removing_a_missing_definition_is_not_found()
    {
        var set = SetWith(NewIds(2));
        var missing = MetricDefinitionId.New();

        var exception = Assert.Throws<MetricNotFoundException>(() => set.Remove(missing));

        Assert.Equal(MetricEntity.MetricSetEntry, exception.Entity);
        Assert.Equal(2, set.Entries.Count);
    }

    [Fact]
    public void A_removed_definition_can_be_added_again_at_the_end()
    {
        var ids = NewIds(3);
        var set = SetWith(ids);

        set.Remove(ids[0]);
        set.Add(ids[0]);

        Assert.Equal([ids[1], ids[2], ids[0]], set.DefinitionIds);
        AssertSortOrdersAreDense(set);
    }

    [Fact]
    public void Move_to_each_index_reorders_and_keeps_sort_orders_dense()
    {
        var ids = NewIds(4);
        for (var from = 0; from < ids.Length; from++)
        {
            for (var to = 0; to < ids.Length; to++)
            {
                var set = SetWith(ids);
                var expected = ids.ToList();
                expected.RemoveAt(from);
                expected.Insert(to, ids[from]);

                set.Move(ids[from], to);

                Assert.Equal(expected, set.DefinitionIds);
                AssertSortOrdersAreDense(set);
            }
        }
    }

    [Fact]
    public void Entries_sharing_a_stored_sort_order_are_ordered_by_definition_id()
    {
        // Rows written by other tools may all have sort_order 0 (the column default).
        var ids = NewIds(4);
        var set = SetWith(ids);
        foreach (var entry in set.Entries)
        {
            entry.SortOrder = 0;
        }

        Assert.Equal(ids.Order(), set.DefinitionIds);
        Assert.Equal(ids.Order(), set.Entries.Select(entry => entry.DefinitionId));
    }

    [Fact]
    public void Add_after_stored_ties_and_gaps_renumbers_every_entry_densely()
    {
        var ids = NewIds(4);
        var set = NewSet();
        var stored = ids.Take(3).Select(set.Add).ToList();
        stored[0].SortOrder = 7;
        stored[1].SortOrder = 0;
        stored[2].SortOrder = 0;

        var added = set.Add(ids[3]);

        AssertSortOrdersAreDense(set);
        Assert.Equal(3, added.SortOrder);
        Assert.Equal([.. ids.Take(3).Skip(1).Order(), ids[0], ids[3]], set.DefinitionIds);
    }

    [Fact]
    public void Move_updates_the_sort_order_of_entries_already_handed_out()
    {
        var ids = NewIds(3);
        var set = NewSet();
        var first = set.Add(ids[0]);
        set.Add(ids[1]);
        var third = set.Add(ids[2]);

        set.Move(ids[2], 0);

        Assert.Equal(0, third.SortOrder);
        Assert.Equal(1, first.SortOrder);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Move_out_of_range_is_a_validation_error_on_newIndex(int newIndex)
    {
        var ids = NewIds(3);
        var set = SetWith(ids);

        var exception = Assert.Throws<MetricValidationException>(() => set.Move(ids[1], newIndex));

        Assert.Equal("newIndex", exception.ParameterName);
        Assert.Equal(newIndex, exception.AttemptedValue);
        Assert.Equal(ids, set.DefinitionIds);
    }

    [Fact]
    public void Moving_a_missing_definition_is_not_found()
    {
        var set = SetWith(NewIds(2));

        Assert.Throws<MetricNotFoundException>(() => set.Move(MetricDefinitionId.New(), 0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData(null)]
    public void A_blank_name_is_rejected(string? name)
    {
        var owner = MetricOwner.ForMember(UserId.New());

        var exception = Assert.Throws<MetricValidationException>(() => MetricSet.Create(owner, name!));

        Assert.Equal("name", exception.ParameterName);
        Assert.Equal(name, exception.AttemptedValue);
    }

    [Fact]
    public void A_name_of_256_characters_is_rejected_and_255_accepted()
    {
        var owner = MetricOwner.ForMember(UserId.New());

        var exception = Assert.Throws<MetricValidationException>(() => MetricSet.Create(owner, new string('n', 256)));

        Assert.Equal("name", exception.ParameterName);
        Assert.Equal(255, MetricSet.MaxNameLength);
        Assert.Equal(255, MetricSet.Create(owner, new string('n', 255)).Name.Length);
    }

    [Fact]
    public void The_name_is_trimmed_before_its_length_is_checked()
    {
        var owner = MetricOwner.ForMember(UserId.New());
        var name = "  " + new string('n', 255) + " \t";

        Assert.Equal(new string('n', 255), MetricSet.Create(owner, name).Name);
        Assert.Equal("Strength", MetricSet.Create(owner, "  Strength \n").Name);
    }

    [Fact]
    public void Rename_applies_the_same_rules()
    {
        var set = NewSet();

        set.Rename("  Conditioning ");
        Assert.Equal("Conditioning", set.Name);

        Assert.Throws<MetricValidationException>(() => set.Rename(" "));
        Assert.Throws<MetricValidationException>(() => set.Rename(new string('n', 256)));
        Assert.Equal("Conditioning", set.Name);
    }

    [Fact]
    public void An_empty_id_is_rejected()
    {
        var exception = Assert.Throws<MetricValidationException>(() => new MetricSet(default, MetricOwner.ForMember(UserId.New()), "Set"));

        Assert.Equal("id", exception.ParameterName);
    }

    [Fact]
    public void A_null_owner_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => MetricSet.Create(null!, "Set"));
    }

    public static TheoryData<MetricOwnerKind> OwnerKinds => [.. Enum.GetValues<MetricOwnerKind>()];

    [Theory]
    [MemberData(nameof(OwnerKinds))]
    public void Owner_round_trips_for_each_kind(MetricOwnerKind kind)
    {
        var owner = kind switch
        {
            MetricOwnerKind.Member => MetricOwner.ForMember(UserId.New()),
            MetricOwnerKind.Workout => MetricOwner.ForWorkout(WorkoutId.New()),
            _ => MetricOwner.ForOrganization(OrganizationId.New()),
        };
        var id = MetricSetId.New();

        var set = new MetricSet(id, owner, "Set");

        Assert.Equal(id, set.Id);
        Assert.Equal(owner, set.Owner);
        Assert.Equal(kind, set.Owner.Kind);
    }
}
