"""What the Python suites share: unittest's results as TAP lines, and the
outcome of a call as the differential comparisons take it."""
import os
import sys
import unittest


def outcome(f, *args, **kwargs):
    """What calling f gives: ('ok', value) or (exception type, message)."""
    try:
        return ('ok', f(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - every outcome is compared
        return (type(e), str(e))


class Tap(unittest.TextTestResult):
    """unittest's results as TAP lines."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.n = 0

    def report(self, test, ok, detail=None):
        self.n += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} - {test.id()}", flush=True)
        for line in (detail or '').splitlines():
            print(f'# {line}', flush=True)

    def addSuccess(self, test):
        super().addSuccess(test)
        self.report(test, True)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.report(test, False, self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self.report(test, False, self._exc_info_to_string(err, test))


def main(module_name):
    """Run the tests of the module as TAP; exit 0 when every one passed."""
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[module_name])
    print(f'1..{suite.countTestCases()}', flush=True)
    runner = unittest.TextTestRunner(stream=open(os.devnull, 'w'), resultclass=Tap)
    sys.exit(0 if runner.run(suite).wasSuccessful() else 1)
