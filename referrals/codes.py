"""Short referral codes that survive being read aloud, typed from paper, or sent by text message.

The alphabet leaves out characters that look alike (0/O, 1/I/L). Codes are stored in capitals
and matched without regard to case.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 7
MIN_LENGTH, MAX_LENGTH = 6, 8
CODE_PATTERN = re.compile(rf"^[{ALPHABET}]{{{MIN_LENGTH},{MAX_LENGTH}}}$")


def normalize(code: str) -> str:
    return code.strip().upper()


def is_valid(code: str) -> bool:
    return bool(CODE_PATTERN.match(normalize(code)))


def generate(length: int = LENGTH) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))
