import Precheck
