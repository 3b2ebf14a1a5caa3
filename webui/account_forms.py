"""Forms of the account pages: users (admins), my account, the first admin's set-up, password resets.

They check what a person can fix on the spot, in their language (empty fields, the
two passwords differ, the password is shorter than ``accounts.MIN_PASSWORD``);
the account service applies every rule again and decides who may do what.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import PasswordField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional, ValidationError

from translate.desk.accounts import MIN_PASSWORD, ROLES
from webui.glossary_forms import choice
from webui.layout import ROLE_LABELS

MAX_PASSWORD = 1000
ROLE_CHOICES = [choice(r, ROLE_LABELS.get(r, r)) for r in ("translator", "editor", "admin") if r in ROLES]


def _no_spaces(form: Any, field: Any) -> None:
    if any(ch.isspace() for ch in (field.data or "").strip()):
        raise ValidationError(lazy_gettext("A user name cannot contain spaces."))


def _name_field() -> StringField:
    return StringField(lazy_gettext("User name"), validators=[
        DataRequired(lazy_gettext("Enter a user name.")), Length(max=80), _no_spaces])


def _new_password(label: Any, *, required: bool = True) -> PasswordField:
    first = DataRequired(lazy_gettext("Enter a password.")) if required else Optional()
    too_short = lazy_gettext("The password must have at least %(num)s characters.", num=MIN_PASSWORD)
    return PasswordField(label, validators=[first, Length(min=MIN_PASSWORD, max=MAX_PASSWORD, message=too_short)])


def _confirmation() -> PasswordField:
    return PasswordField(lazy_gettext("Repeat the password"), validators=[
        EqualTo("password", message=lazy_gettext("The two passwords are not the same."))])


class SetupForm(FlaskForm):
    name = _name_field()
    password = _new_password(lazy_gettext("Password"))
    confirm = _confirmation()


class SetPasswordForm(FlaskForm):
    password = _new_password(lazy_gettext("New password"))
    confirm = _confirmation()


class ChangePasswordForm(FlaskForm):
    current = PasswordField(lazy_gettext("Current password"), validators=[
        DataRequired(lazy_gettext("Enter your current password.")), Length(max=MAX_PASSWORD)])
    password = _new_password(lazy_gettext("New password"))
    confirm = _confirmation()


class CreateUserForm(FlaskForm):
    name = _name_field()
    role = SelectField(lazy_gettext("Role"), choices=ROLE_CHOICES, default="translator")
    how = RadioField(lazy_gettext("How will they sign in?"), default="link", choices=[
        choice("link", lazy_gettext("Give them a one-time link to choose their own password")),
        choice("password", lazy_gettext("I choose a password for them now")),
    ])
    password = _new_password(lazy_gettext("Password"), required=False)
    confirm = _confirmation()

    def validate_password(self, field: Any) -> None:
        if self.how.data == "password" and not field.data:
            raise ValidationError(lazy_gettext("Enter a password, or choose the one-time link."))


class RoleForm(FlaskForm):
    role = SelectField(lazy_gettext("Role"), choices=ROLE_CHOICES)


class TokenForm(FlaskForm):
    user = SelectField(lazy_gettext("For user"), coerce=int, choices=[])
    label = StringField(lazy_gettext("Label (what the token is for)"), validators=[Length(max=120)])


class OwnTokenForm(FlaskForm):
    label = StringField(lazy_gettext("Label (what the token is for)"), validators=[Length(max=120)])
