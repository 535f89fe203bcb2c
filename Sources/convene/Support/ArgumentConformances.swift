import ArgumentParser
import ConveneCore

extension PointKind: ExpressibleByArgument {}
extension Attendee.Role: ExpressibleByArgument {}
