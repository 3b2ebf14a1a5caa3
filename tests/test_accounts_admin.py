"""The account service as the admin pages use it: listing, creating with a link, tokens for others, link checks."""

from __future__ import annotations

import pytest

from translate.desk import Desk, InvalidState, NotFound, PermissionDenied
from translate.errors import InputError

PASSWORD = "correct horse battery"


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("SONGNGU_DATABASE_URL", raising=False)
    d = Desk()
    yield d
    d.close()


def test_admins_list_and_create_accounts_others_cannot(desk):
    admin = desk.accounts.create_user("root", "admin", PASSWORD)
    editor = desk.accounts.create_user("ed", "editor", PASSWORD)
    with pytest.raises(PermissionDenied):
        desk.accounts.list_accounts(editor)
    with pytest.raises(PermissionDenied):
        desk.accounts.create_account(editor, "x", "translator", PASSWORD)
    user, link = desk.accounts.create_account(admin, "mai", "translator", PASSWORD)
    assert link is None and desk.accounts.authenticate("mai", PASSWORD) == user
    with pytest.raises(InputError, match="already exists"):
        desk.accounts.create_account(admin, "mai", "editor", PASSWORD)
    listed = {a["name"]: a for a in desk.accounts.list_accounts(admin)}
    assert set(listed) == {"root", "ed", "mai"}
    assert listed["mai"]["active"] and listed["mai"]["role"] == "translator" and listed["mai"]["created_at"]


def test_an_account_created_with_a_link_has_no_usable_password_until_the_link_is_used(desk):
    admin = desk.accounts.create_user("root", "admin", PASSWORD)
    user, link = desk.accounts.create_account(admin, "lan", "editor")
    assert link
    assert desk.accounts.reset_link_user(link) == user  # checking does not spend it
    assert desk.accounts.reset_link_user(link) == user
    desk.accounts.redeem_reset(link, "a brand new password")
    assert desk.accounts.authenticate("lan", "a brand new password") is not None
    with pytest.raises(InvalidState, match="already been used"):
        desk.accounts.reset_link_user(link)
    with pytest.raises(NotFound):
        desk.accounts.reset_link_user("not-a-token")


def test_tokens_for_oneself_or_by_an_admin_for_anyone(desk):
    admin = desk.accounts.create_user("root", "admin", PASSWORD)
    tran = desk.accounts.create_user("tran", "translator", PASSWORD)
    own = desk.accounts.create_token_for(tran, tran.id, "my script")
    assert desk.accounts.user_for_token(own) == tran
    with pytest.raises(PermissionDenied):
        desk.accounts.create_token_for(tran, admin.id, "not mine")
    for_tran = desk.accounts.create_token_for(admin, tran.id, "cms")
    assert desk.accounts.user_for_token(for_tran) == tran
    desk.accounts.set_active(admin, tran.id, False)
    assert desk.accounts.user_for_token(for_tran) is None  # disabled: every token stops
    with pytest.raises(InvalidState, match="disabled"):
        desk.accounts.create_token_for(admin, tran.id, "again")
    with pytest.raises(InputError):
        desk.accounts.create_token_for(admin, admin.id, "bad\x00label")


def test_the_setup_link_is_checked_without_being_spent(desk):
    assert not desk.accounts.has_active_admin()
    token = desk.accounts.setup_link()
    desk.accounts.check_setup_link(token)
    desk.accounts.check_setup_link(token)
    with pytest.raises(NotFound):
        desk.accounts.check_setup_link("x" * 40)
    desk.accounts.redeem_setup(token, "first", PASSWORD)
    assert desk.accounts.has_active_admin()
    with pytest.raises(InvalidState):
        desk.accounts.check_setup_link(token)
