namespace MetricSets.Tests;

public class RecordManyTests
{
    [Fact]
    public void Progress_equals_only_the_same_stage_count_and_total()
    {
        var progress = new RecordManyProgress(RecordManyStage.Writing, 10, 20);

        Assert.True(progress == new RecordManyProgress(RecordManyStage.Writing, 10, 20));
        Assert.False(progress != new RecordManyProgress(RecordManyStage.Writing, 10, 20));
        Assert.True(progress.Equals((object)new RecordManyProgress(RecordManyStage.Writing, 10, 20)));
        Assert.Equal(progress.GetHashCode(), new RecordManyProgress(RecordManyStage.Writing, 10, 20).GetHashCode());
        Assert.True(progress != new RecordManyProgress(RecordManyStage.Validating, 10, 20));
        Assert.True(progress != new RecordManyProgress(RecordManyStage.Writing, 11, 20));
        Assert.True(progress != new RecordManyProgress(RecordManyStage.Writing, 10, 21));
        Assert.False(progress.Equals("Writing 10/20"));
        Assert.Equal("Writing 10/20", progress.ToString());
        Assert.Equal("Validating 3/5", new RecordManyProgress(RecordManyStage.Validating, 3, 5).ToString());
    }

    [Fact]
    public void Already_recorded_is_what_was_given_but_not_recorded()
    {
        Assert.Equal(7, new RecordManyResult { Total = 10, Recorded = 3 }.AlreadyRecorded);
    }

    [Fact]
    public void A_batch_error_refuses_what_would_not_locate_a_row()
    {
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => new MetricBatchError(-1, "Value", "bad")).ParamName);
        Assert.Equal("parameterName", Assert.Throws<ArgumentException>(() => new MetricBatchError(0, " ", "bad")).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentException>(() => new MetricBatchError(0, "Value", "")).ParamName);
        Assert.Equal("row 4 (Value): bad", new MetricBatchError(4, "Value", "bad").ToString());
    }

    [Fact]
    public void A_batch_exception_lists_the_first_thousand_errors_and_counts_them_all()
    {
        var errors = Enumerable.Range(0, 1500).Select(i => new MetricBatchError(i, "Value", $"bad {i}")).ToList();

        var exception = new MetricBatchValidationException("requests", errors, 1500);

        Assert.Equal(MetricBatchValidationException.MaxListedErrors, exception.Errors.Count);
        Assert.Equal(0, exception.Errors[0].Index);
        Assert.Equal(999, exception.Errors[^1].Index);
        Assert.Equal(1500, exception.ErrorCount);
        Assert.Equal(
            "1500 row(s) of the batch are invalid and nothing was written; row 0 (Value): bad 0 row 1 (Value): bad 1 row 2 (Value): bad 2 row 3 (Value): bad 3 row 4 (Value): bad 4 … and 1495 more (see Errors).",
            exception.Message);
    }

    [Fact]
    public void A_batch_exception_counts_at_least_the_errors_it_lists()
    {
        var errors = new[] { new MetricBatchError(2, "Value", "bad"), new MetricBatchError(5, "Source", "worse") };

        var exception = new MetricBatchValidationException("requests", errors, errorCount: 1);

        Assert.Equal(2, exception.ErrorCount);
        Assert.Equal("requests", exception.ParameterName);
        Assert.Equal("2 row(s) of the batch are invalid and nothing was written; row 2 (Value): bad row 5 (Source): worse", exception.Message);
    }

    [Fact]
    public void A_batch_exception_of_five_errors_says_no_more()
    {
        var errors = Enumerable.Range(0, 6).Select(i => new MetricBatchError(i, "Value", "bad")).ToList();

        Assert.DoesNotContain("more", new MetricBatchValidationException("requests", errors.Take(5), 5).Message, StringComparison.Ordinal);
        Assert.EndsWith("… and 1 more (see Errors).", new MetricBatchValidationException("requests", errors, 6).Message, StringComparison.Ordinal);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => new MetricBatchValidationException("requests", null!, 0)).ParamName);
    }
}
