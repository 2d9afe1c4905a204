from datetime import date, datetime, timezone

from chalicelib.shared.clock import local_date


def test_an_instant_is_the_local_day_it_falls_on():
    # 23:30 in Shanghai is 15:30 UTC the same day; 16:30 UTC is already the next day there
    assert local_date("2027-01-25T15:30:00Z", "Asia/Shanghai") == date(2027, 1, 25)
    assert local_date("2027-01-25T16:30:00+00:00", "Asia/Shanghai") == date(2027, 1, 26)
    assert local_date(datetime(2027, 1, 25, 16, 30, tzinfo=timezone.utc), "UTC") == date(2027, 1, 25)


def test_a_naive_instant_is_read_as_utc():
    assert local_date("2027-01-25T20:00:00", "Asia/Shanghai") == date(2027, 1, 26)
